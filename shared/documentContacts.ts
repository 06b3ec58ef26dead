import { z } from 'zod';
import { languageTagPattern } from './languages';

// What a document's frame adds around its paragraphs beyond the seeds' title and closing: contact
// blocks after the closing and the co-organisers' names per language. Printed as they are typed,
// so invisible characters (a tab, a direction mark pasted from a web page) are refused here
// rather than carried into Word and PDF files.

/** Control and invisible format characters; line breaks are allowed only where a field has lines. */
const invisible = /[\p{Cf}\u2028\u2029]|[^\P{Cc}\n]/u;
const invisibleOnLine = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

const lineText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .refine((value) => !invisibleOnLine.test(value), 'validation.controlCharacters');

/** Per language, text that may run over several lines (an address), nothing else invisible. */
const multilineText = (max: number) =>
  z.record(
    z.string().regex(languageTagPattern, 'validation.languageTag'),
    z
      .string()
      .trim()
      .max(max, 'validation.tooLong')
      .refine((value) => !invisible.test(value), 'validation.controlCharacters'),
  );

/** Per language, one line of text. */
const oneLineText = (max: number) => z.record(z.string().regex(languageTagPattern, 'validation.languageTag'), lineText(max));

/** One contact block: organisation and address per language; e-mail, phone and website as typed. */
export const documentContact = z
  .object({
    organisation: oneLineText(300),
    address: multilineText(500),
    email: z.union([z.literal(''), z.email('validation.email').max(254, 'validation.tooLong')]),
    phone: lineText(60).refine((value) => value === '' || /^[+()\d][\d\s().\-/+]*$/.test(value), 'validation.phone'),
    website: lineText(300),
  })
  .strict();

export const maxContacts = 6;

/**
 * The co-organisers in each language, one name a line (the Chinese version's "联合国人居署" …);
 * a language without its list prints the names as entered.
 */
export const coOrganiserNames = z.record(
  z.string().regex(languageTagPattern, 'validation.languageTag'),
  z
    .string()
    .max(5000, 'validation.tooLong')
    .refine((value) => !invisible.test(value), 'validation.controlCharacters')
    .refine((value) => value.split('\n').every((line) => line.trim().length <= 200), 'validation.tooLong'),
);
