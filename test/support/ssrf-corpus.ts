// Webhook targets that must never be contacted unless the operator allows private targets:
// loopback (v4, v6, and every spelling WHATWG URL parsing turns into it), private ranges, CGNAT,
// link-local and cloud metadata, unique-local, multicast, reserved, IPv4-mapped/compatible and
// NAT64/6to4 IPv6, and this machine's own interface addresses. `port` is where a catch-all
// listener waits in the end-to-end test.

export function ssrfCorpus(port: number, ownAddresses: readonly string[] = []): string[] {
  const hosts = [
    // loopback, IPv4 and its spellings
    '127.0.0.1',
    '127.0.0.2',
    '127.255.255.254',
    '2130706433',
    '0x7f000001',
    '0x7f.0x0.0x0.0x1',
    '0177.0.0.1',
    '017700000001',
    '127.1',
    '127.0.1',
    '127.0.0.1.',
    '１２７.０.０.１',
    'localhost',
    'LOCALHOST',
    'localhost.',
    'api.localhost',
    // unspecified ("this host")
    '0',
    '0.0.0.0',
    '0.1.2.3',
    // loopback and unspecified, IPv6 and its spellings
    '[::1]',
    '[0:0:0:0:0:0:0:1]',
    '[::]',
    '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]',
    '[0:0:0:0:0:ffff:127.0.0.1]',
    '[::127.0.0.1]',
    '[64:ff9b::127.0.0.1]',
    '[2002:7f00:1::]',
    // private ranges and their spellings
    '10.0.0.1',
    '10.255.255.255',
    '167772161',
    '10.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '192.168.255.255',
    '3232235521',
    '0xc0a80001',
    // carrier-grade NAT
    '100.64.0.1',
    '100.127.255.254',
    // link-local and cloud metadata
    '169.254.169.254',
    '2852039166',
    '0xa9fea9fe',
    '0251.0376.0251.0376',
    '169.254.43518',
    '0xA9.254.169.254',
    '169.254.170.2',
    '169.254.0.1',
    '[::ffff:169.254.169.254]',
    '[::ffff:a9fe:a9fe]',
    '[fd00:ec2::254]',
    '192.0.0.192',
    // IPv6 unique-local, link-local, site-local, multicast, documentation
    '[fc00::1]',
    '[fd12:3456:789a::1]',
    '[fe80::1]',
    '[fec0::1]',
    '[ff02::1]',
    '[2001:db8::1]',
    // multicast, reserved, broadcast, benchmarking, documentation
    '224.0.0.1',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
    '198.18.0.1',
    '192.0.2.1',
    '198.51.100.1',
    '203.0.113.1',
    ...ownAddresses.map((a) => (a.includes(':') ? `[${a}]` : a)),
  ];
  return [...new Set(hosts)].map((host) => `http://${host}:${port}/hook`);
}
