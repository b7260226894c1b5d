#pragma once
// The fixed-point scales read-back computes in, exactly (stages::Scaled): quantities in
// thousandths (the ERP's NUMERIC(12,3)), money in hundredths (NUMERIC(12,2)).

namespace wmsbridge::readback {

inline constexpr int kQuantityScale = 3;
inline constexpr int kMoneyScale = 2;

}  // namespace wmsbridge::readback
