/**
 * Why an https:// Home Assistant could not be reached, when the reason is its certificate.
 *
 * home-assistant-js-websocket turns every failed socket into ERR_CANNOT_CONNECT and drops the
 * socket's error (its socket.ts rejects with the bare code on `close` or `error` before auth), so a practice
 * whose Home Assistant serves a self-signed certificate (common with the DuckDNS or "SSL" add-ons
 * reached by a local address) would only ever read "can't be reached". After such a failure the hub
 * opens one TLS connection itself, with the same trust store the `ws` socket uses (Node's, plus
 * NODE_EXTRA_CA_CERTS), and names the certificate problem if that is what it was.
 */
import { connect } from 'node:tls';

/** Node's codes for a certificate the TLS layer refused (node/src/crypto/crypto_common.cc, X509 verify codes). */
const certificateWords: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'a self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'a certificate signed by its own authority',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'a certificate from an authority this computer does not know',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'a certificate from an authority this computer does not know',
  CERT_HAS_EXPIRED: 'a certificate that has expired',
  CERT_NOT_YET_VALID: 'a certificate that is not valid yet (check this computer\'s clock)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'a certificate made out for another name',
};

/**
 * For an https:// or wss:// address: words for the certificate problem that stopped the connection,
 * or null when the TLS handshake succeeds, the address is plain http, or the failure was something
 * else (nothing listening, a timeout): the caller's own words stand then.
 */
export function certificateProblem(url: string, timeoutMs = 4000): Promise<string | null> {
  const address = new URL(url);
  if (address.protocol !== 'https:' && address.protocol !== 'wss:') return Promise.resolve(null);
  const host = address.hostname.replace(/^\[|\]$/g, '');
  const port = Number(address.port || 443);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: string | null) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(answer);
    };
    // servername only for names: SNI with an IP address is not allowed (RFC 6066 §3), and Node warns.
    const socket = connect({ host, port, ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }), timeout: timeoutMs });
    socket.once('secureConnect', () => settle(null));
    socket.once('timeout', () => settle(null));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const what = certificateWords[error.code ?? ''];
      settle(
        what
          ? `Home Assistant at ${address.host} answers with ${what}, which this computer does not trust. ` +
              `Use Home Assistant's http:// address on the practice's network, or let this computer trust the certificate ` +
              `(NODE_EXTRA_CA_CERTS: see "Running on real devices" in the README).`
          : null,
      );
    });
  });
}
