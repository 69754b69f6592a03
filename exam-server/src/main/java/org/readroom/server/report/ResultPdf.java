package org.readroom.server.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.readroom.core.scoring.ScoreStatus;
import org.readroom.server.scoring.ResultSheet;

/**
 * Writes a candidate's result report as PDF, bilingual, with the CJK font embedded (subset) so Chinese names and
 * stems print anywhere. Blocking: call off the event loop.
 */
public final class ResultPdf {

    /** Debian's fonts-wqy-microhei: TrueType outlines, which PDFBox can embed (Noto CJK's CFF outlines it cannot). */
    public static final Path DEFAULT_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    private static final String FONT_NAME = "WenQuanYiMicroHei";
    private static final float MARGIN = 50;
    private static final float LINE = 15;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final Path fontFile;
    private final ZoneId zone;

    public ResultPdf(Path fontFile, ZoneId zone) {
        this.fontFile = fontFile;
        this.zone = zone;
    }

    public void write(ResultSheet sheet, Path target) throws IOException {
        if (!Files.isReadable(fontFile)) {
            throw new IOException(
                    "CJK font not found at " + fontFile + ": install the Debian package fonts-wqy-microhei");
        }
        // The collection must stay open until save(): the subset is built from it then.
        try (TrueTypeCollection collection = new TrueTypeCollection(fontFile.toFile());
                PDDocument document = new PDDocument()) {
            TrueTypeFont ttf = collection.getFontByName(FONT_NAME);
            if (ttf == null) {
                throw new IOException(fontFile + " does not contain the font " + FONT_NAME);
            }
            PDType0Font font = PDType0Font.load(document, ttf, true);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("ReadRoom result " + sheet.candidateNumber());
            info.setCreator("ReadRoom");
            new Writer(document, font, ttf.getUnicodeCmapLookup()).draw(sheet);
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".report", ".pdf");
            document.save(temp.toFile());
            Files.move(
                    temp,
                    target,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Lays text out top to bottom, starting new pages as needed. */
    private final class Writer {
        private final PDDocument document;
        private final PDType0Font font;
        private final CmapLookup cmap;
        private PDPageContentStream content;
        private float y;
        private int pages;

        Writer(PDDocument document, PDType0Font font, CmapLookup cmap) {
            this.document = document;
            this.font = font;
            this.cmap = cmap;
        }

        void draw(ResultSheet sheet) throws IOException {
            newPage();
            line("ReadRoom 成绩报告 · Result report", 16);
            line(sheet.sessionTitle().zh() + " · " + sheet.sessionTitle().en(), 12);
            line(
                    "试卷 Paper: " + sheet.paperTitle().zh() + " · "
                            + sheet.paperTitle().en(),
                    10);
            gap();
            line(
                    "考生 Candidate: " + sheet.candidateName() + "    准考证号 No.: " + sheet.candidateNumber()
                            + "    座位 Seat: " + sheet.seat(),
                    11);
            line(
                    "交卷时间 Submitted: "
                            + TIME.format(
                                    Instant.ofEpochMilli(sheet.submittedAt()).atZone(zone)),
                    10);
            gap();
            for (ResultSheet.Row row : sheet.rows()) {
                String score = row.status() == ScoreStatus.AWAITING_MARKING
                        ? "待阅卷 awaiting marking (" + marks(row.max()) + ")"
                        : marks(row.awarded()) + " / " + marks(row.max());
                wrapped(row.number() + ". " + row.stem().zh(), 10, 0);
                if (!row.stem().en().isBlank()) {
                    wrapped(row.stem().en(), 9, 14);
                }
                wrapped("作答 Answer: " + (row.answer().isBlank() ? "（未作答 no answer）" : row.answer()), 10, 14);
                line("      得分 Score: " + score, 10);
                gap();
            }
            line(
                    "客观题得分 Objective score: " + marks(sheet.awardedTotal()) + " / "
                            + marks(sheet.rows().stream()
                                    .filter(r -> r.status() == ScoreStatus.AUTO_SCORED)
                                    .mapToDouble(ResultSheet.Row::max)
                                    .sum()),
                    12);
            line(
                    "待阅卷题目 Items awaiting marking: " + sheet.awaitingMarking() + "    满分 Total marks: "
                            + marks(sheet.maxTotal()),
                    11);
            content.close();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            pages++;
            content = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
            text("ReadRoom · " + pages, 8, page.getMediaBox().getWidth() - MARGIN - 50, MARGIN / 2);
        }

        private void gap() {
            y -= LINE / 2;
        }

        private void line(String text, float size) throws IOException {
            if (y < MARGIN + LINE) {
                newPage();
            }
            text(text, size, MARGIN, y);
            y -= Math.max(LINE, size + 5);
        }

        private void wrapped(String text, float size, float indent) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
            for (String part : wrap(clean(text), size, width)) {
                line(" ".repeat((int) (indent / 3)) + part, size);
            }
        }

        private void text(String text, float size, float x, float atY) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(clean(text));
            content.endText();
        }

        private List<String> wrap(String text, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                if (font.getStringWidth(current + ch) / 1000 * size > width && current.length() > 0) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                current.append(ch);
                i += Character.charCount(cp);
            }
            if (current.length() > 0 || lines.isEmpty()) {
                lines.add(current.toString());
            }
            return lines;
        }

        /** Control characters cannot be shown; characters the font lacks become '?' instead of failing the report. */
        private String clean(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp)) {
                    out.append(' ');
                } else if (hasGlyph(cp)) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private boolean hasGlyph(int codePoint) {
            return cmap.getGlyphId(codePoint) != 0;
        }
    }

    private static String marks(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
