package dev.worklink.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hc.client5.http.entity.mime.AbstractContentBody;
import org.apache.hc.core5.http.ContentType;

/**
 * A multipart file part read from disk in large chunks, reporting progress as it goes. Like HttpClient's
 * FileBody it can be written any number of times, so a request carrying it can be retried.
 */
final class StreamedFileBody extends AbstractContentBody {

    static final int BUFFER = 64 * 1024;

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
        copy(file, out, progress);
    }

    static void copy(Path file, OutputStream out, TransferProgress progress) throws IOException {
        progress.start();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                progress.advance(n);
            }
        }
        out.flush();
    }
}
