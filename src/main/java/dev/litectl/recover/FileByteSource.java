package dev.litectl.recover;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A file opened read-only: recovery never writes to its input. */
final class FileByteSource implements ByteSource {
    private final FileChannel channel;

    FileByteSource(Path path) throws IOException {
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public int read(long pos, byte[] dst, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
        int total = 0;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
