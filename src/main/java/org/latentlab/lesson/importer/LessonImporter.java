package org.latentlab.lesson.importer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;

import org.latentlab.base.ContentLanguage;

/**
 * Imports one machine-translated lesson file of the public AI curriculum.
 *
 * <p>The steps, in this order: decode the bytes (or refuse them), normalise line endings, repair mojibake,
 * normalise to NFC, strip the translator's metadata and disclaimer, rewrite links and images, tidy blank lines, and
 * find the title. Mojibake goes first because damaged characters would hide the words the later steps look for;
 * line numbers in the report refer to the uploaded file because no step before the link rewriting adds or removes
 * lines (removed comments leave blank lines until the final tidy-up).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class LessonImporter {

    /** Tags shown when a language tag is not one. */
    public static final String EXAMPLE_TAGS = "en, ar, ja, zh-Hant, pt-BR";

    /** The readings of an undecided lost byte the report names, likeliest first. */
    private static final int MAX_ALTERNATIVES_SHOWN = 6;

    /**
     * Places with lost bytes the report lists one by one; the rest are counted in one line. A whole damaged lesson
     * has hundreds, a hostile file a hundred thousand, which no page could show.
     */
    private static final int MAX_LOST_BYTES_LISTED = 300;

    private final LinkRewriter links;

    /**
     * @param quizMapping  curriculum quiz number to our quiz id, e.g. 17 to "autoencoders-pre"
     * @param notebookBase the GitHub folder that relative notebook links point into; null for
     *                     {@link LinkRewriter#DEFAULT_NOTEBOOK_BASE}
     */
    public LessonImporter(Map<Integer, String> quizMapping, String notebookBase) {
        this.links = new LinkRewriter(quizMapping, notebookBase);
    }

    /** An importer for the autoencoder lesson's notebooks. */
    public LessonImporter(Map<Integer, String> quizMapping) {
        this(quizMapping, LinkRewriter.DEFAULT_NOTEBOOK_BASE);
    }

    /**
     * Imports a lesson file.
     *
     * @param content      the file's bytes
     * @param fileName     the file's name, for the report
     * @param languageCode the language the lesson is in, any well-formed BCP 47 tag ("en", "ar", "zh-Hant")
     * @return the cleaned lesson with its report; {@link ImportResult#ok()} is false when it has no title
     * @throws LessonImportException when the file is refused (empty, over 1 MiB, binary, not decodable) or the
     *                               language is not one of Latent Lab's; {@link LessonImportException#key()} says why
     */
    public ImportResult importFile(byte[] content, String fileName, String languageCode) {
        // Any language: the curriculum has more than fifty, the interface's six are no limit on content.
        if (ContentLanguage.parse(languageCode).isEmpty()) {
            throw new LessonImportException("language", ImportMessageKey.UNSUPPORTED_LANGUAGE, null,
                    String.valueOf(languageCode), EXAMPLE_TAGS);
        }
        List<ImportMessage> messages = new ArrayList<>();

        TextDecoding.DecodedText decoded = TextDecoding.decode(content, fileName);
        if (decoded.byteOrderMark()) {
            messages.add(ImportMessage.of(ImportMessageKey.BYTE_ORDER_MARK, decoded.encoding()));
        }
        // Windows "\r\n" and old Mac "\r" both end a line; everything after works with "\n" only.
        String text = decoded.text().replace("\r\n", "\n").replace('\r', '\n');

        MojibakeRepair.Result repaired = MojibakeRepair.repair(text, languageCode);
        if (repaired.changed()) {
            messages.add(ImportMessage.of(ImportMessageKey.MOJIBAKE_REPAIRED, repaired.repairs(),
                    String.join(", ", repaired.charsets())));
        }
        List<MojibakeRepair.LostByte> lostBytes = repaired.lostBytes();
        for (MojibakeRepair.LostByte lost : lostBytes.subList(0, Math.min(lostBytes.size(), MAX_LOST_BYTES_LISTED))) {
            if (lost.decided()) {
                messages.add(ImportMessage.at(ImportMessageKey.LOST_BYTE_INFERRED, lost.line(), lost.damaged(),
                        lost.reading()));
            } else if (lost.alternatives().isEmpty()) {
                messages.add(ImportMessage.at(ImportMessageKey.LOST_BYTES_UNREAD, lost.line(), lost.damaged()));
            } else {
                messages.add(ImportMessage.at(ImportMessageKey.LOST_BYTE_UNDECIDED, lost.line(), lost.damaged(),
                        likeliest(lost.alternatives())));
            }
        }
        if (lostBytes.size() > MAX_LOST_BYTES_LISTED) {
            List<MojibakeRepair.LostByte> rest = lostBytes.subList(MAX_LOST_BYTES_LISTED, lostBytes.size());
            long read = rest.stream().filter(MojibakeRepair.LostByte::decided).count();
            IntSummaryStatistics lines = rest.stream().mapToInt(MojibakeRepair.LostByte::line).summaryStatistics();
            messages.add(ImportMessage.of(ImportMessageKey.LOST_BYTES_MORE, rest.size(),
                    String.valueOf(lines.getMin()), String.valueOf(lines.getMax()), read, rest.size() - read,
                    MAX_LOST_BYTES_LISTED));
        }
        // A repaired (or second) byte order mark is not content.
        text = Normalizer.normalize(repaired.text(), Normalizer.Form.NFC).replace("\uFEFF", "");

        TranslatorNoise.Result cleaned = TranslatorNoise.strip(text);
        messages.addAll(cleaned.messages());

        LinkRewriter.Result linked = links.rewrite(cleaned.text());
        messages.addAll(linked.messages());

        List<String> lines = MarkdownLines.split(linked.text());
        String markdown = MarkdownLines.tidy(lines);
        String title = MarkdownLines.title(lines);
        if (title == null) {
            messages.add(ImportMessage.of(ImportMessageKey.NO_TITLE));
        }
        return new ImportResult(markdown, title, messages);
    }

    /** The likeliest readings of an undecided place, at most six: a Hebrew word may have hundreds. */
    private static String likeliest(List<String> alternatives) {
        return alternatives.size() <= MAX_ALTERNATIVES_SHOWN ? String.join(", ", alternatives)
                : String.join(", ", alternatives.subList(0, MAX_ALTERNATIVES_SHOWN)) + ", …";
    }
}
