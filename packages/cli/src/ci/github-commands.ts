/**
 * GitHub Actions workflow commands (`::error title=…::message`), escaped as the runner decodes them: in the message
 * `%`, CR and LF; in a property also `:` and `,`, which would otherwise end the property.
 */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

export type AnnotationLevel = 'error' | 'warning' | 'notice'

/** One annotation line: `::warning title=evalrun%3A datalab%3A1::score 0.5 is below 0.9`. */
export function annotation(level: AnnotationLevel, title: string, message: string): string {
  return `::${level} title=${escapeCommandProperty(title)}::${escapeCommandData(message)}\n`
}
