#!/usr/bin/env bash
# The one recorded command that makes generated/ from wsdl/ (gSOAP 2.8.124, Debian 12).
#   wsdl2h   -o ongoing.h -t wsdl/typemap.dat wsdl/ongoing.wsdl
#              (typemap: prefix wsi__, xsd:decimal and xsd:dateTime as std::string)
#   soapcpp2 -1 -j -x -w -L -I/usr/share/gsoap/import ongoing.h
#              -1 SOAP 1.1 only (Ongoing's .asmx speaks 1.1: text/xml + SOAPAction)
#              -j proxy and service classes that share one soap context type
#              -x no sample messages, -w no WSDL/XSD echo, -L no soapClientLib/soapServerLib
# The generation time stamps the tools write are replaced by a fixed text so that the output
# depends on wsdl/ alone.
# Usage: generated/regenerate.sh [OUTDIR]   (default: generated/ itself)
# CI runs it into a temporary folder and fails on any difference from the committed files.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=$(mkdir -p "${1:-$here}" && cd "${1:-$here}" && pwd)
fail() { echo "regenerate: $1 failed (run it by hand in $out to see why)" >&2; exit 1; }
# Work with relative names in a scratch folder: the tools copy their arguments into comments.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ln -s "$root/wsdl" "$work/wsdl"
cd "$work"
wsdl2h -o ongoing.h -t wsdl/typemap.dat wsdl/ongoing.wsdl >/dev/null 2>&1 || fail wsdl2h
sed -i -e '3s#^   [0-9-]* [0-9:]* GMT$#   (time stamp removed by generated/regenerate.sh)#' ongoing.h
soapcpp2 -1 -j -x -w -L -I/usr/share/gsoap/import ongoing.h >/dev/null 2>&1 || fail soapcpp2
sed -i -e 's#^SOAP_SOURCE_STAMP("@(\#) soapC.cpp ver 2.8.124 .*")#SOAP_SOURCE_STAMP("@(\#) soapC.cpp ver 2.8.124")#' soapC.cpp
rm -f "$out"/soap*.{h,cpp} "$out"/*.nsmap "$out/ongoing.h"
mv ongoing.h soap*.h soap*.cpp ./*.nsmap "$out/"
