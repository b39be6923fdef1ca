import type { SummaryBody } from '../domain/summary-document.js';

/**
 * What the DOCX's custom properties, the CSV's comment lines and the XLSX's Provenance sheet say about where the
 * summary comes from, in this order: one list, so an item added to the provenance reaches every one of them.
 */
export function provenanceItems(body: SummaryBody, checksum: string): Array<[string, string | number | Date]> {
  return [
    ['Year', body.year],
    ['As at (effective)', new Date(body.provenance.asAt)],
    ['As recorded by', new Date(body.provenance.recordedBy)],
    ['Compiled at', new Date(body.provenance.compiledAsOf)],
    ['Event position', body.provenance.eventPosition],
    ['Generator', body.provenance.generator],
    ['Checksum of the JSON edition', checksum],
  ];
}
