#include "tests/support/test_certificates.h"

#include <Poco/Exception.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <fstream>
#include <stdexcept>
#include <vector>

namespace wmsbridge::test {

namespace {

// Extensions of each kind of certificate; the subject comes from -subj. A server certificate
// names its hosts in subjectAltName only, as browsers and OpenSSL's host check expect.
constexpr const char* kConfig = R"([req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[loopback]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1
[wrong_host]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:wms.invalid
)";

// Runs `openssl ARGS` in `dir`; throws with its output if it fails.
void OpenSsl(const std::string& dir, const std::vector<std::string>& args) {
  Poco::Pipe output;
  int code = -1;
  std::string text;
  try {
    Poco::ProcessHandle handle =
        Poco::Process::launch("openssl", args, dir, nullptr, &output, &output);
    Poco::PipeInputStream in(output);
    Poco::StreamCopier::copyToString(in, text);
    code = handle.wait();
  } catch (const Poco::Exception& error) {
    text = error.displayText();
  }
  if (code != 0) {
    std::string command = "openssl";
    for (const std::string& arg : args)
      command += " " + arg;
    throw std::runtime_error(command + " failed (exit " + std::to_string(code) +
                             "; is the openssl package installed?): " + text);
  }
}

std::vector<std::string> NewKey(const std::string& key_file) {
  return {"-newkey", "ec",      "-pkeyopt", "ec_paramgen_curve:prime256v1",
          "-nodes",  "-keyout", key_file};
}

// A key and a certificate for `subject` with the extensions of `section`, signed by the CA.
CertificateFiles SignedByCa(const std::string& dir, const std::string& name,
                            const std::string& subject, const std::string& section, int serial) {
  CertificateFiles files{dir + "/" + name + ".crt", dir + "/" + name + ".key"};
  const std::string request = dir + "/" + name + ".csr";
  std::vector<std::string> args{"req",   "-new",  "-config", "openssl.cnf",
                                "-subj", subject, "-out",    request};
  for (const std::string& arg : NewKey(files.key))
    args.push_back(arg);
  OpenSsl(dir, args);
  OpenSsl(dir, {"x509", "-req", "-in", request, "-CA", "ca.crt", "-CAkey", "ca.key", "-set_serial",
                std::to_string(serial), "-days", "2", "-extfile", "openssl.cnf", "-extensions",
                section, "-out", files.cert});
  return files;
}

// A self-signed certificate (req -x509) with the extensions of `section`.
CertificateFiles SelfSigned(const std::string& dir, const std::string& name,
                            const std::string& subject, const std::string& section) {
  CertificateFiles files{dir + "/" + name + ".crt", dir + "/" + name + ".key"};
  std::vector<std::string> args{"req",         "-x509", "-config", "openssl.cnf",
                                "-extensions", section, "-subj",   subject,
                                "-days",       "2",     "-out",    files.cert};
  for (const std::string& arg : NewKey(files.key))
    args.push_back(arg);
  OpenSsl(dir, args);
  return files;
}

}  // namespace

TestCertificates MakeTestCertificates(const std::string& dir) {
  {
    std::ofstream config(dir + "/openssl.cnf");
    config << kConfig;
    if (!config)
      throw std::runtime_error("cannot write " + dir + "/openssl.cnf");
  }
  TestCertificates certificates;
  certificates.ca_cert = SelfSigned(dir, "ca", "/CN=wmsbridge test CA", "ca").cert;
  certificates.loopback = SignedByCa(dir, "loopback", "/CN=wms-sim test server", "loopback", 2);
  certificates.wrong_host = SignedByCa(dir, "wrong-host", "/CN=wms.invalid", "wrong_host", 3);
  certificates.self_signed = SelfSigned(dir, "self-signed", "/CN=wms-sim self-signed", "loopback");
  return certificates;
}

}  // namespace wmsbridge::test
