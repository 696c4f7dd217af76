package dev.worklink.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.hc.client5.http.entity.mime.AbstractContentBody;
import org.apache.hc.core5.http.ContentType;

/**
 * A multipart file part read from disk in large chunks, reporting progress as it goes. Like HttpClient's
 * FileBody it can be written any number of times, so a request carrying it can be retried.
 */
final class StreamedFileBody extends AbstractContentBody {

    /**
     * Bytes per read of the file and per write to the connection. A 200 MB upload is 191 turns of the loop below, not
     * the 3,052 of a 64 KiB buffer: the turns, not the bytes, are what runs as not-yet-compiled code and makes the JIT
     * compile the write path while the transfer runs, taking CPU from the receiver on a small machine
     * (bench/ANALYSIS.md). The JDK still hands the socket 128 KiB per system call. Smaller files get a buffer of their size.
     */
    static final int BUFFER = 1024 * 1024;

    private final Path file;
    private final String fileName;
    private final long length;
    private final TransferProgress progress;

    StreamedFileBody(Path file, String fileName, ContentType contentType, TransferProgress progress) throws IOException {
        super(contentType);
        this.file = file;
        this.fileName = fileName;
        this.length = Files.size(file);
        this.progress = progress;
    }

    @Override
    public String getFilename() {
        return fileName;
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        copy(file, length, out, progress);
    }

    /**
     * Bytes per {@link FileSink#transferFrom} call: the kernel moves them without the JVM touching them; progress is
     * counted between calls.
     */
    static final int TRANSFER_STEP = 8 * 1024 * 1024;

    static void copy(Path file, long length, OutputStream out, TransferProgress progress) throws IOException {
        progress.start();
        if (out instanceof FileSink sink) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                for (long position = 0; position < length; ) {
                    int step = (int) Math.min(TRANSFER_STEP, length - position);
                    sink.transferFrom(channel, position, step);
                    position += step;
                    progress.advance(step);
                }
            }
            out.flush();
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[(int) Math.max(1, Math.min(BUFFER, length))];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                progress.advance(n);
            }
        }
        out.flush();
    }
}
