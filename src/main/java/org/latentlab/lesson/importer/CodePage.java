package org.latentlab.lesson.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A single-byte code page whose decoding of UTF-8 bytes {@link MojibakeRepair} undoes: which characters it has, the
 * byte each stands for, and the bytes it leaves undefined (which tools drop, or turn into "?" or U+FFFD).
 *
 * <p>The tables come from the JDK's own decoders, so they are what real Java tools produce. Two additions make them
 * match what other tools produce too: in the Windows code pages an undefined byte 0x80..0x9F also stands for the C1
 * control of the same value (that is how browsers decode them), and Mac OS Roman also accepts the older tables'
 * currency sign at 0xDB and Ohm sign at 0xBD. Mac OS Roman is written out as a fallback because the Mac code pages
 * live in the optional {@code jdk.charsets} module; the others are left out when a slimmed-down runtime lacks them.
 *
 * <p>Lookups are by a table over all 65,536 chars: each char has a slot, each slot a bitset of the code pages that
 * have the char ({@link #members}) and, per code page, its byte. A run of a megabyte of text thus costs one array read
 * per char, not one map lookup per char and code page.
 */
final class CodePage {

    /** The byte of a char that stands for a lost byte (U+FFFD or "?"): any of the code page's undefined bytes. */
    static final int LOST = -2;

    private static final char REPLACEMENT = '\uFFFD';

    /** Most common first: order breaks ties between code pages that repair the same place equally well. */
    private static final List<String[]> NAMES = List.of(
            new String[] {"windows-1252", "Windows-1252 or ISO-8859-1"},
            new String[] {"x-MacRoman", "Mac OS Roman"},
            new String[] {"windows-1250", "Windows-1250"},
            new String[] {"windows-1251", "Windows-1251"},
            new String[] {"windows-1253", "Windows-1253"},
            new String[] {"windows-1254", "Windows-1254"},
            new String[] {"windows-1255", "Windows-1255"},
            new String[] {"windows-1256", "Windows-1256"},
            new String[] {"windows-1257", "Windows-1257"},
            new String[] {"windows-1258", "Windows-1258"},
            new String[] {"ISO-8859-15", "ISO-8859-15"},
            new String[] {"ISO-8859-2", "ISO-8859-2"},
            new String[] {"ISO-8859-3", "ISO-8859-3"},
            new String[] {"ISO-8859-4", "ISO-8859-4"},
            new String[] {"ISO-8859-5", "ISO-8859-5"},
            new String[] {"ISO-8859-6", "ISO-8859-6"},
            new String[] {"ISO-8859-7", "ISO-8859-7"},
            new String[] {"ISO-8859-8", "ISO-8859-8"},
            new String[] {"ISO-8859-9", "ISO-8859-9"},
            new String[] {"x-iso-8859-11", "ISO-8859-11"},
            new String[] {"ISO-8859-13", "ISO-8859-13"},
            new String[] {"ISO-8859-16", "ISO-8859-16"},
            new String[] {"KOI8-R", "KOI8-R"},
            new String[] {"KOI8-U", "KOI8-U"},
            new String[] {"x-windows-874", "Windows-874"},
            new String[] {"x-MacCentralEurope", "Mac OS Central European"},
            new String[] {"x-MacCroatian", "Mac OS Croatian"},
            new String[] {"x-MacRomania", "Mac OS Romanian"},
            new String[] {"x-MacCyrillic", "Mac OS Cyrillic"},
            new String[] {"x-MacUkraine", "Mac OS Ukrainian"},
            new String[] {"x-MacGreek", "Mac OS Greek"},
            new String[] {"x-MacTurkish", "Mac OS Turkish"},
            new String[] {"x-MacIceland", "Mac OS Icelandic"},
            new String[] {"x-MacHebrew", "Mac OS Hebrew"},
            new String[] {"x-MacArabic", "Mac OS Arabic"},
            new String[] {"x-MacThai", "Mac OS Thai"});

    /** Mac OS Roman 0x80..0xFF, as in the JDK's x-MacRoman, for runtimes without {@code jdk.charsets}. */
    private static final String MAC_ROMAN_80_TO_FF = "\u00C4\u00C5\u00C7\u00C9\u00D1\u00D6\u00DC\u00E1\u00E0\u00E2"
            + "\u00E4\u00E3\u00E5\u00E7\u00E9\u00E8\u00EA\u00EB\u00ED\u00EC\u00EE\u00EF\u00F1\u00F3\u00F2\u00F4"
            + "\u00F6\u00F5\u00FA\u00F9\u00FB\u00FC\u2020\u00B0\u00A2\u00A3\u00A7\u2022\u00B6\u00DF\u00AE\u00A9"
            + "\u2122\u00B4\u00A8\u2260\u00C6\u00D8\u221E\u00B1\u2264\u2265\u00A5\u00B5\u2202\u2211\u220F\u03C0"
            + "\u222B\u00AA\u00BA\u03A9\u00E6\u00F8\u00BF\u00A1\u00AC\u221A\u0192\u2248\u2206\u00AB\u00BB\u2026"
            + "\u00A0\u00C0\u00C3\u00D5\u0152\u0153\u2013\u2014\u201C\u201D\u2018\u2019\u00F7\u25CA\u00FF\u0178"
            + "\u2044\u20AC\u2039\u203A\uFB01\uFB02\u2021\u00B7\u201A\u201E\u2030\u00C2\u00CA\u00C1\u00CB\u00C8"
            + "\u00CD\u00CE\u00CF\u00CC\u00D3\u00D4\uF8FF\u00D2\u00DA\u00DB\u00D9\u0131\u02C6\u02DC\u00AF\u02D8"
            + "\u02D9\u02DA\u00B8\u02DD\u02DB\u02C7";

    /** Mac OS Roman's older tables: the generic currency sign at 0xDB and the Ohm sign at 0xBD. */
    private static final Map<Character, Integer> MAC_ROMAN_ALIASES = Map.of('\u00A4', 0xDB, '\u2126', 0xBD);

    /** Every code page the running JDK has, most common first; at most 64 (they are bits of a long). */
    static final List<CodePage> ALL;

    /** Slot of each char, 0 for chars no code page has (all of ASCII among them). */
    private static final char[] SLOT = new char[0x10000];
    /** Per slot: the code pages having the char, as bits of their {@link #index}. */
    private static final long[] MEMBERS;
    /** Per slot and code page: the byte, or -1. */
    private static final short[][] BYTES;
    /** Per slot: the code pages in which the char is a UTF-8 lead byte (0xC2..0xF4), as bits. */
    private static final long[] LEADS;
    /** Per slot: the code pages in which the char is a UTF-8 continuation byte (0x80..0xBF), as bits. */
    private static final long[] CONTINUATIONS;

    static {
        List<CodePage> pages = new ArrayList<>();
        List<char[]> tables = new ArrayList<>();
        for (String[] name : NAMES) {
            boolean[] undefined = new boolean[0x100];
            char[] table = table(name[0], undefined);
            if (table != null) {
                int[] lost = IntStream.range(0x80, 0x100).filter(b -> undefined[b]).toArray();
                pages.add(new CodePage(pages.size(), name[0], name[1], lost));
                tables.add(table);
            }
        }
        ALL = List.copyOf(pages);
        List<Character> slotted = new ArrayList<>();
        slotted.add('\0');
        for (char[] table : tables) {
            for (int b = 0x80; b <= 0xFF; b++) {
                slot(table[b], slotted);
            }
        }
        MAC_ROMAN_ALIASES.keySet().forEach(c -> slot(c, slotted));
        for (char c = 0x80; c <= 0x9F; c++) {
            slot(c, slotted);
        }
        slot(REPLACEMENT, slotted);
        MEMBERS = new long[slotted.size()];
        BYTES = new short[slotted.size()][ALL.size()];
        for (short[] bytes : BYTES) {
            Arrays.fill(bytes, (short) -1);
        }
        for (CodePage page : ALL) {
            char[] table = tables.get(page.index);
            // Backwards, so that a char a table has twice gets its lower byte.
            for (int b = 0xFF; b >= 0x80; b--) {
                char c = table[b];
                if (c != 0) {
                    MEMBERS[SLOT[c]] |= page.bit();
                    BYTES[SLOT[c]][page.index] = (short) b;
                }
            }
            if (page.name.startsWith("windows-") || page.name.equals("x-windows-874")) {
                // Every C1 control stands for its own byte, as ISO-8859-1 decodes it: then the Windows code page
                // also undoes damage through ISO-8859-1, which agrees with it on the letters.
                for (char c = 0x80; c <= 0x9F; c++) {
                    if (BYTES[SLOT[c]][page.index] < 0) {
                        MEMBERS[SLOT[c]] |= page.bit();
                        BYTES[SLOT[c]][page.index] = (short) c;
                    }
                }
            }
            if (page.name.equals("x-MacRoman")) {
                MAC_ROMAN_ALIASES.forEach((c, b) -> {
                    if (BYTES[SLOT[c]][page.index] < 0) {
                        MEMBERS[SLOT[c]] |= page.bit();
                        BYTES[SLOT[c]][page.index] = (short) (int) b;
                    }
                });
            }
            if (page.lostBytes.length > 0) {
                MEMBERS[SLOT[REPLACEMENT]] |= page.bit();
                BYTES[SLOT[REPLACEMENT]][page.index] = (short) LOST;
            }
        }
    }

    static {
        LEADS = new long[MEMBERS.length];
        CONTINUATIONS = new long[MEMBERS.length];
        for (int slot = 0; slot < MEMBERS.length; slot++) {
            for (CodePage page : ALL) {
                int b = BYTES[slot][page.index];
                if (b >= 0xC2 && b <= 0xF4) {
                    LEADS[slot] |= page.bit();
                } else if (b >= 0x80 && b <= 0xBF) {
                    CONTINUATIONS[slot] |= page.bit();
                }
            }
        }
    }

    private static void slot(char c, List<Character> slotted) {
        if (c != 0 && SLOT[c] == 0) {
            SLOT[c] = (char) slotted.size();
            slotted.add(c);
        }
    }

    private final int index;
    private final String name;
    private final String label;
    private final int[] lostBytes;

    private CodePage(int index, String name, String label, int[] lostBytes) {
        this.index = index;
        this.name = name;
        this.label = label;
        this.lostBytes = lostBytes;
    }

    /** The JDK's name, as {@link Charset#forName} takes it. */
    String name() {
        return name;
    }

    /** The name shown in the import report. */
    String label() {
        return label;
    }

    int index() {
        return index;
    }

    long bit() {
        return 1L << index;
    }

    /** The bytes this code page leaves undefined: tools decoding them drop them or write "?" or U+FFFD. */
    int[] lostBytes() {
        return lostBytes.clone();
    }

    boolean losesBytes() {
        return lostBytes.length > 0;
    }

    /** The code pages having the char (U+FFFD: those that lose bytes), as bits; 0 for ASCII. */
    static long members(char c) {
        return MEMBERS[SLOT[c]];
    }

    /** The byte the char stands for in this code page, {@link #LOST} for U+FFFD, -1 when it has no such char. */
    int toByte(char c) {
        return BYTES[SLOT[c]][index];
    }

    /**
     * The code pages (as bits) that read the two chars as the first two bytes of a UTF-8 sequence: text that has
     * them side by side may be damaged once more.
     */
    static long sequenceStarts(char first, char second) {
        return LEADS[SLOT[first]] & CONTINUATIONS[SLOT[second]];
    }

    /** Whether any code page has the char, so that it can appear in doubly damaged text after one repair. */
    static boolean isCodePageCharacter(int cp) {
        return cp < 0x10000 && cp != REPLACEMENT && MEMBERS[SLOT[cp]] != 0;
    }

    /**
     * Whether Windows-1252 or Mac OS Roman has the char: the first repair of doubly damaged Western text produces
     * them, so they are no sign of a wrong script (the first pass does not exempt the other code pages' letters,
     * which would let correct text pass for Cyrillic or Greek).
     */
    static boolean isWesternCharacter(int cp) {
        return cp < 0x10000 && cp != REPLACEMENT && (MEMBERS[SLOT[cp]] & 0b11) != 0;
    }

    /** The code page of the JDK's name, for tests. */
    static CodePage named(String name) {
        return ALL.stream().filter(p -> p.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name));
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * The chars of bytes 0x80..0xFF (index 0..0x7F unused), 0 where undefined; null when the JDK lacks the code
     * page. Marks the bytes the JDK's decoder does not define in {@code undefined}.
     */
    private static char[] table(String name, boolean[] undefined) {
        char[] table = new char[0x100];
        if (name.equals("x-MacRoman") && !Charset.isSupported(name)) {
            for (int b = 0x80; b <= 0xFF; b++) {
                table[b] = MAC_ROMAN_80_TO_FF.charAt(b - 0x80);
            }
            return table;
        }
        if (!Charset.isSupported(name)) {
            return null;
        }
        CharsetDecoder decoder = Charset.forName(name).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int b = 0x80; b <= 0xFF; b++) {
            try {
                CharBuffer decoded = decoder.reset().decode(ByteBuffer.wrap(new byte[] {(byte) b}));
                if (decoded.length() == 1 && decoded.charAt(0) >= 0x80) {
                    table[b] = decoded.charAt(0);
                } else {
                    undefined[b] = true;
                }
            } catch (CharacterCodingException e) {
                undefined[b] = true;
            }
        }
        if (name.startsWith("windows-") || name.equals("x-windows-874")) {
            for (int b = 0x80; b <= 0x9F; b++) {
                if (table[b] == 0) {
                    table[b] = (char) b; // as browsers decode it
                }
            }
        }
        return table;
    }
}
