#pragma once
// Certificates for the TLS tests, made at test time with the `openssl` command line in a
// folder of the build tree, so that no private key is ever committed. EC P-256 keys, valid
// for two days.

#include <string>

namespace wmsbridge::test {

/// A PEM certificate and its unencrypted PEM private key.
struct CertificateFiles {
  std::string cert;
  std::string key;
};

struct TestCertificates {
  std::string ca_cert;           ///< the test CA; a client trusts it through ca_file
  CertificateFiles loopback;     ///< signed by the test CA for IP:127.0.0.1
  CertificateFiles wrong_host;   ///< signed by the test CA for DNS:wms.invalid only, no IP
  CertificateFiles self_signed;  ///< self-signed, for IP:127.0.0.1
};

/// Makes a test CA and the three server certificates in `dir` (which must exist). Throws
/// std::runtime_error with openssl's output if a step fails (e.g. openssl is not installed).
TestCertificates MakeTestCertificates(const std::string& dir);

}  // namespace wmsbridge::test
