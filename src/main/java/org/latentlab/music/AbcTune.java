package org.latentlab.music;

import java.util.List;

/**
 * One tune read from ABC text.
 *
 * @param number       the {@code X:} number
 * @param title        the first {@code T:} line; tunes of the corpus with the same title are one tune (e.g. its verse
 *                     and chorus), which the training split keeps together
 * @param subtitles    further {@code T:} lines (e.g. "second phrase")
 * @param origin       the {@code O:} field (country or region), empty if absent
 * @param source       the {@code S:} field (composer, collection, date), empty if absent
 * @param meter        the {@code M:} field as written, e.g. {@code 3/4}
 * @param unitLength   the {@code L:} field as written, e.g. {@code 1/8}
 * @param key          the {@code K:} field as written, e.g. {@code Em}
 * @param melody       the first 32 sixteenths, padded with rests
 * @param sixteenths   how many sixteenths of music the tune writes (before cutting or padding)
 * @param movedNotes   notes moved by octaves into C3..B5
 * @param line         the line of the {@code X:} field in the text
 */
public record AbcTune(int number, String title, List<String> subtitles, String origin, String source, String meter,
        String unitLength, String key, Melody melody, int sixteenths, int movedNotes, int line) {

    public AbcTune {
        subtitles = List.copyOf(subtitles);
    }

    /** How the tune is named in messages: its number and title. */
    public String label() {
        return number + " \"" + title + "\"";
    }

    /** The title with its subtitles, e.g. {@code Jingle Bells (verse)}. */
    public String fullTitle() {
        return subtitles.isEmpty() ? title : title + " (" + String.join(", ", subtitles) + ")";
    }
}
