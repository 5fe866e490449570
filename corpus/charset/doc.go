// Package charset finds out how the bytes of a report file are encoded and
// decodes them to UTF-8 with golang.org/x/text.
//
// Chinese reports reach baogao as UTF-8 (with or without a byte order mark),
// as UTF-16 saved by Windows tools (often without a BOM), or in the legacy
// national encodings: GB18030 and its subsets GBK and GB2312, Big5 (with the
// CP950 extensions) and the 7-bit HZ-GB-2312 of old mail and news. Decode
// picks one by these steps:
//
//  1. a BOM decides (UTF-8, UTF-16LE, UTF-16BE);
//  2. a file with NUL bytes is UTF-16 (zero bytes in odd positions for
//     little-endian ASCII, in even ones for big-endian; both byte orders are
//     decoded and scored when the pattern is weak) or else binary;
//  3. strictly valid UTF-8 wins; 7-bit text with ~{ … ~} escapes that
//     decodes cleanly as HZ-GB-2312 is HZ;
//  4. otherwise every candidate decodes the file and the decodings are
//     scored: replacement characters, control and private-use characters,
//     unassigned code points, and the share of Han characters that are among
//     the thousand most common (a wrong choice between GB18030 and Big5, or a
//     wrong UTF-16 byte order, yields rare characters).
//
// x/text decoders never fail on bad bytes; they write U+FFFD. Result.Replaced
// counts those, so a caller can record a problem for a file that decoded
// with a few losses. A file whose best decoding is still poor is an error
// wrapping ErrUndecodable, or ErrBinary when it does not look like text.
package charset
