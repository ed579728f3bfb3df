package io.energywatch.ingestion.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A spooled file read with its lines from the last up: the header line first, then the other lines in reverse order,
 * each ending in a line feed. It works on bytes, which is sound for the encodings uploads are read in (UTF-8 and
 * ISO-8859-1 never use the line feed's byte inside a character), and scans backwards through one block, so memory
 * stays bounded whatever the file or line length. {@link #lines()} gives the file's line count, for
 * {@code ParseContext.sourceLine}.
 */
final class ReversedLines extends InputStream {

    private static final int BLOCK = 1 << 16;

    private final FileChannel channel;
    private final long headerEnd;
    private final long lines;
    /** What is left of the header to send. */
    private long headerNext;
    /** End (exclusive, before its line feed) of the next line to send, when {@link #remaining} is true. */
    private long cursor;
    private boolean remaining;
    /** The line being sent: [from, to), then its line feed. */
    private long from;
    private long to;
    private boolean lineFeedPending;
    /** A window of the file, reused for the backward scans and for sending the lines it holds. */
    private final byte[] block = new byte[BLOCK];
    private long blockStart;
    private int blockLength;
    private final byte[] single = new byte[1];

    private ReversedLines(FileChannel channel, long headerEnd, long dataEnd, long lines) {
        this.channel = channel;
        this.headerEnd = headerEnd;
        this.lines = lines;
        this.cursor = dataEnd;
        this.remaining = dataEnd > headerEnd;
    }

    static ReversedLines open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            long headerEnd = size;
            long feeds = 0;
            boolean lastIsFeed = false;
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            long position = 0;
            while (position < size) {
                buffer.clear();
                int n = channel.read(buffer, position);
                if (n <= 0) {
                    break;
                }
                byte[] bytes = buffer.array();
                for (int i = 0; i < n; i++) {
                    if (bytes[i] == '\n') {
                        if (headerEnd == size) {
                            headerEnd = position + i + 1;
                        } else {
                            feeds++;
                        }
                    }
                }
                lastIsFeed = bytes[n - 1] == '\n';
                position += n;
            }
            // The data lines lie in [headerEnd, dataEnd): the file's last line feed ends the last line.
            long dataEnd = lastIsFeed && size > headerEnd ? size - 1 : size;
            long dataLines = dataEnd > headerEnd ? feeds - (lastIsFeed ? 1 : 0) + 1 : 0;
            return new ReversedLines(channel, headerEnd, dataEnd, 1 + dataLines);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The file's lines, header included, numbered as a line reader numbers them. */
    long lines() {
        return lines;
    }

    @Override
    public int read() throws IOException {
        return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (headerNext < headerEnd) {
            int n = (int) Math.min(len, headerEnd - headerNext);
            readAt(headerNext, b, off, n);
            headerNext += n;
            return n;
        }
        int written = 0;
        while (written < len) {
            if (from < to) {
                int n = (int) Math.min(len - written, to - from);
                copy(from, b, off + written, n);
                from += n;
                written += n;
            } else if (lineFeedPending) {
                b[off + written++] = '\n';
                lineFeedPending = false;
            } else if (remaining) {
                long start = lineStart(cursor);
                from = start;
                to = cursor;
                lineFeedPending = true;
                remaining = start > headerEnd;
                cursor = start - 1;
            } else {
                break;
            }
        }
        return written == 0 ? -1 : written;
    }

    /** Where the line ending at {@code end} starts: after the line feed before it, or at the first data line. */
    private long lineStart(long end) throws IOException {
        long p = end - 1;
        while (p >= headerEnd) {
            if (p < blockStart || p >= blockStart + blockLength) {
                long start = Math.max(headerEnd, p + 1 - BLOCK);
                load(start, (int) (p + 1 - start));
            }
            int i = (int) (p - blockStart);
            while (i >= 0 && block[i] != '\n') {
                i--;
            }
            if (i >= 0) {
                return blockStart + i + 1;
            }
            p = blockStart - 1;
        }
        return headerEnd;
    }

    /** Copies file bytes [position, position + n): from the block when it holds them, else from the file. */
    private void copy(long position, byte[] b, int off, int n) throws IOException {
        if (position >= blockStart && position + n <= blockStart + blockLength) {
            System.arraycopy(block, (int) (position - blockStart), b, off, n);
        } else {
            readAt(position, b, off, n);
        }
    }

    private void load(long start, int length) throws IOException {
        readAt(start, block, 0, length);
        blockStart = start;
        blockLength = length;
    }

    private void readAt(long position, byte[] b, int off, int n) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(b, off, n);
        long p = position;
        while (target.hasRemaining()) {
            int read = channel.read(target, p);
            if (read < 0) {
                throw new IOException("the spool file ended before byte " + (position + n));
            }
            p += read;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
