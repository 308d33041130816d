/**
 * JSON Schema of the file format, generated from the zod schema (never written
 * by hand) so editors and other tools validate map files exactly as we do.
 * Cross-field rules (unique ids, cells naming real stages) are beyond JSON
 * Schema; the plugin checks those itself with located messages.
 */
import * as z from 'zod/mini';
import { JourneyMapInputSchema } from './schema';

export function mapJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(JourneyMapInputSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return Object.assign(
    {
      $id: 'urn:journey-map:format:v2',
      title: 'Journey map (format version 2)',
      description:
        'A customer journey map for the Journey Map Figma plugin: personas, stages, lanes of text, cards and emotions (each emotion lane on its own scale, several curves on one chart). Version-1 files (one `persona`) are migrated by the plugin.',
    },
    schema,
  );
}
