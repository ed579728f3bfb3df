package io.energywatch.service.csv;

import org.jspecify.annotations.Nullable;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * Reads the lines of a delimited text with a hard cap on their length, so a 50 MB line without a newline costs 1 MiB of
 * heap, not 100 MB: the first half of the platform's one CSV reading path, {@link Delimited} splitting each line being
 * the second. Lines are numbered from 1; a UTF-8 byte order mark on the first line and a line's closing carriage
 * return are dropped; malformed bytes become U+FFFD, so the line is refused by its own checks instead of the whole
 * text.
 */
public final class CsvLines {

    public static final int MAX_LINE_CHARS = 1 << 20;
    /** How much of an over-long line is kept, for the rejection's raw text. */
    public static final int KEPT_PREFIX_CHARS = 1_000;

    /** A line as read; {@code overLong} lines keep only their first {@link #KEPT_PREFIX_CHARS} characters. */
    public record Line(long number, String text, boolean overLong) {
    }

    private final @Nullable CountingStream counted;
    private final Reader reader;
    private final char[] buffer = new char[16_384];
    private int position;
    private int limit;
    private long number;

    /** Lines of bytes in {@code charset}, counting the bytes consumed ({@link #bytesRead}). */
    public CsvLines(InputStream in, Charset charset) {
        this.counted = new CountingStream(in);
        this.reader = new InputStreamReader(counted, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** Lines of text already decoded. */
    public CsvLines(Reader reader) {
        this.counted = null;
        this.reader = reader;
    }

    /** The next line, or {@code null} at the end of the text. */
    public @Nullable Line next() throws IOException {
        var text = new StringBuilder();
        boolean overLong = false;
        boolean readAnything = false;
        while (true) {
            if (position >= limit) {
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!readAnything) {
                        return null;
                    }
                    break;
                }
            }
            readAnything = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int length = position - start;
            if (!overLong && text.length() + length > MAX_LINE_CHARS) {
                overLong = true;
                text.setLength(Math.min(text.length(), KEPT_PREFIX_CHARS));
            }
            if (!overLong) {
                text.append(buffer, start, length);
            } else if (text.length() < KEPT_PREFIX_CHARS) {
                text.append(buffer, start, Math.min(length, KEPT_PREFIX_CHARS - text.length()));
            }
            if (position < limit) {
                position++;
                break;
            }
        }
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\r') {
            text.setLength(end - 1);
        }
        number++;
        if (number == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text.deleteCharAt(0);
        }
        return new Line(number, text.toString(), overLong);
    }

    /** Bytes consumed so far; 0 for lines of a {@link Reader}. */
    public long bytesRead() {
        return counted == null ? 0 : counted.count;
    }

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
