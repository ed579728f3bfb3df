package io.energywatch.ingestion.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Tells UTF-8 from ISO-8859-1 by the first bytes of an upload, without consuming them. */
final class TextEncoding {

    static final int SNIFF_BYTES = 1 << 16;

    private TextEncoding() {
    }

    /** UTF-8 when the head decodes as UTF-8 (a multi-byte character cut at the end of the head is allowed), else latin-1. */
    static Charset sniff(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        return isUtf8(head, head.length) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }

    static boolean isUtf8(byte[] head, int length) {
        int end = length;
        // Do not blame a character the head cut in two: drop an incomplete trailing sequence.
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int b = head[end - back] & 0xFF;
            if ((b & 0xC0) == 0xC0) {
                int needed = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
                if (back < needed) {
                    end -= back;
                }
                break;
            }
            if ((b & 0x80) == 0) {
                break;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
