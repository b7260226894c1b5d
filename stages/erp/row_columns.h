#pragma once
// Row mapping for Poco::Data without positional tuples. A row struct names its columns once, in
// query order, in a free function `MapColumns(Row&, Visitor&)` beside the struct; the
// TypeHandler specialisation (POCO's habit for own types, Data/samples/TypeHandler) derives from
// ColumnTypeHandler<Row>, which walks that list to prepare and extract a result row:
//
//   template <typename V> void MapColumns(ThingRow& r, V& c) { c.Id(r.id); c.Text(r.name); }
//   template <> class Poco::Data::TypeHandler<ThingRow> : public erp::ColumnTypeHandler<ThingRow>
//   {};
//
// Column kinds: Id (BIGINT), Int (INTEGER), Text (nullable text read whole, NULL read as ""),
// Optional (nullable text, NULL and "" read as nullopt), Flag (text "1" is true). Only
// extraction (into) is supported: parameters stay plain `use()` values.

#include <Poco/Data/AbstractExtractor.h>
#include <Poco/Data/AbstractPreparator.h>
#include <Poco/Data/TypeHandler.h>
#include <Poco/Types.h>

#include <cstddef>
#include <optional>
#include <string>

#include "stages/erp/text_value.h"

namespace wmsbridge::erp {

/// Extracts one result row column by column, in the order MapColumns names them.
class ColumnReader {
 public:
  ColumnReader(std::size_t pos, Poco::Data::AbstractExtractor::Ptr extractor)
      : pos_(pos), extractor_(std::move(extractor)) {}
  void Id(std::int64_t& v) {
    Poco::Int64 x = 0;
    Poco::Data::TypeHandler<Poco::Int64>::extract(pos_++, x, 0, extractor_);
    v = x;
  }
  void Int(int& v) { Poco::Data::TypeHandler<int>::extract(pos_++, v, 0, extractor_); }
  void Text(std::string& v) { v = Value(Next()); }
  void Optional(std::optional<std::string>& v) { v = erp::Optional(Next()); }
  void Flag(bool& v) { v = Value(Next()) == "1"; }

 private:
  erp::Text Next() {
    erp::Text t;
    Poco::Data::TypeHandler<erp::Text>::extract(pos_++, t, erp::Text(), extractor_);
    if (!t.isNull())
      t = WholeText(t.value());
    return t;
  }
  std::size_t pos_;
  Poco::Data::AbstractExtractor::Ptr extractor_;
};

/// Prepares the columns of one result row with the types ColumnReader extracts.
class ColumnPreparer {
 public:
  ColumnPreparer(std::size_t pos, Poco::Data::AbstractPreparator::Ptr preparator)
      : pos_(pos), preparator_(std::move(preparator)) {}
  void Id(const std::int64_t&) {
    Poco::Data::TypeHandler<Poco::Int64>::prepare(pos_++, Poco::Int64(0), preparator_);
  }
  void Int(const int&) { Poco::Data::TypeHandler<int>::prepare(pos_++, 0, preparator_); }
  void Text(const std::string&) { Next(); }
  void Optional(const std::optional<std::string>&) { Next(); }
  void Flag(const bool&) { Next(); }

 private:
  void Next() { Poco::Data::TypeHandler<erp::Text>::prepare(pos_++, erp::Text(), preparator_); }
  std::size_t pos_;
  Poco::Data::AbstractPreparator::Ptr preparator_;
};

/// Counts the columns MapColumns names.
struct ColumnCounter {
  std::size_t count = 0;
  template <typename T>
  void Id(const T&) {
    ++count;
  }
  template <typename T>
  void Int(const T&) {
    ++count;
  }
  template <typename T>
  void Text(const T&) {
    ++count;
  }
  template <typename T>
  void Optional(const T&) {
    ++count;
  }
  template <typename T>
  void Flag(const T&) {
    ++count;
  }
};

/// The body of a TypeHandler<Row> specialisation for a row with MapColumns.
template <typename Row>
class ColumnTypeHandler {
 public:
  static std::size_t size() {
    Row row;
    ColumnCounter counter;
    MapColumns(row, counter);
    return counter.count;
  }
  static void extract(std::size_t pos, Row& row, const Row&,
                      Poco::Data::AbstractExtractor::Ptr extractor) {
    ColumnReader reader(pos, std::move(extractor));
    MapColumns(row, reader);
  }
  static void prepare(std::size_t pos, const Row&, Poco::Data::AbstractPreparator::Ptr preparator) {
    Row row;
    ColumnPreparer preparer(pos, std::move(preparator));
    MapColumns(row, preparer);
  }
};

}  // namespace wmsbridge::erp
