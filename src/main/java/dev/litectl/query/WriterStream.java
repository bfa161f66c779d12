package dev.litectl.query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 bytes to a character {@link Writer} (a terminal, a test's StringWriter); invalid bytes become U+FFFD. */
final class WriterStream extends OutputStream {
    private final Writer target;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private ByteBuffer leftover = ByteBuffer.allocate(0);

    WriterStream(Writer target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer in;
        if (leftover.hasRemaining()) {
            in = ByteBuffer.allocate(leftover.remaining() + len);
            in.put(leftover).put(b, off, len).flip();
        } else {
            in = ByteBuffer.wrap(b, off, len);
        }
        while (true) {
            var result = decoder.decode(in, chars, false);
            drainChars();
            if (result.isUnderflow()) {
                break;
            }
        }
        leftover = ByteBuffer.allocate(in.remaining()).put(in).flip();
    }

    private void drainChars() throws IOException {
        chars.flip();
        target.write(chars.array(), 0, chars.limit());
        chars.clear();
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }
}
