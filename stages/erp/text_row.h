#pragma once
// Row structs read from text columns, mapped by Poco::Data::TypeHandler specialisations beside
// the structs (the habit of POCO's Data/samples/TypeHandler) instead of positional tuples.
// Every query a store reads returns text (the queries cast numbers), because the SQLite ODBC
// driver and psqlODBC report the types of computed columns differently; NULL reads as "".

#include <Poco/Data/AbstractExtractor.h>
#include <Poco/Data/AbstractPreparator.h>
#include <Poco/Data/TypeHandler.h>

#include <cstddef>
#include <string>

#include "stages/erp/text_value.h"

namespace wmsbridge::erp {

/// The body of a TypeHandler for a row whose columns are all text, `Fields` being its members
/// in the order of the query's columns:
///   template <> class Poco::Data::TypeHandler<Row> : public TextRowHandler<Row, &Row::a, &Row::b>
///   {};
/// Read-only: such rows go into `into()`, never into `use()`.
template <typename Row, std::string Row::*... Fields>
class TextRowHandler {
 public:
  /// The number of columns the row takes.
  static std::size_t size() { return sizeof...(Fields); }

  /// Called by Poco when the statement is prepared; never throws by itself.
  static void prepare(std::size_t pos, const Row&, Poco::Data::AbstractPreparator::Ptr preparator) {
    for (std::size_t i = 0; i < size(); ++i)
      Poco::Data::TypeHandler<Text>::prepare(pos + i, Text(), preparator);
  }

  /// Reads the columns from `pos` on, in order (drivers read with SQLGetData, which wants
  /// columns in ascending order); NULL becomes "". Throws what the extractor throws.
  static void extract(std::size_t pos, Row& row, const Row&,
                      Poco::Data::AbstractExtractor::Ptr extractor) {
    ((row.*Fields = ExtractText(pos++, extractor)), ...);
  }

 private:
  static std::string ExtractText(std::size_t pos,
                                 const Poco::Data::AbstractExtractor::Ptr& extractor) {
    Text value;
    Poco::Data::TypeHandler<Text>::extract(pos, value, Text(), extractor);
    return Value(value);
  }
};

}  // namespace wmsbridge::erp
