// XML 1.0 allows tab, newline, carriage return and U+0020..U+D7FF, U+E000..U+FFFD, U+10000..U+10FFFF; any other
// character (NUL, other C0 controls, lone surrogates, U+FFFE/U+FFFF) makes the whole document unreadable, so it
// becomes U+FFFD. HTML parsers are laxer, but the same rule keeps one escape for both.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }
const ATTRIBUTE_ENTITIES: Record<string, string> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  "'": '&#39;',
  // Kept as characters references: an attribute value's raw newlines and tabs are normalised to spaces on reading.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
}

/** The text with every character XML 1.0 forbids replaced by U+FFFD. */
export function withoutForbiddenChars(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD')
}

/** Text for an element's content, in XML or HTML. */
export function escapeText(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>]/g, (char) => TEXT_ENTITIES[char] ?? char)
}

/** Text for a double- or single-quoted attribute value, in XML or HTML. */
export function escapeAttribute(value: string): string {
  return value
    .replace(NOT_XML_CHAR, '\uFFFD')
    .replace(/[&<>"'\t\n\r]/g, (char) => ATTRIBUTE_ENTITIES[char] ?? char)
}
