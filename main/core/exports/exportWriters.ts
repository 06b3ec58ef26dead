// The one place the export pipeline meets the writers (outcome model, DOCX, HTML, Markdown, PDF
// printer, agenda, participants, participation), so the pipeline reads as one list of formats.
import { agendaDocx, agendaHtml } from './agendaExport';
import { buildCompilationModel } from './compilationModel';
import { compilationDocx } from './compilationDocx';
import { compilationHtml } from './compilationHtml';
import { compilationMarkdown } from './compilationMarkdown';
import { buildOutcomeModel, missingTranslations } from './outcomeModel';
import { outcomeDocx } from './outcomeDocx';
import { outcomeHtml } from './outcomeHtml';
import { outcomeMarkdown } from './outcomeMarkdown';
import { participantsDocx } from './participantsExport';
import { participationDocx } from './participationExport';
import { requirePdfPrinter } from './pdfPrinter';

export const writers = {
  missingTranslations,
  buildOutcomeModel,
  outcomeDocx,
  outcomeHtml,
  outcomeMarkdown,
  requirePdfPrinter,
  agendaDocx,
  agendaHtml,
  participantsDocx,
  participationDocx,
  buildCompilationModel,
  compilationDocx,
  compilationHtml,
  compilationMarkdown,
};
