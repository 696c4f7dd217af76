package dev.worklink.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/** A whole-body file entity, streamed from disk in large chunks with progress; repeatable. */
final class StreamedFileEntity extends AbstractHttpEntity {

    private final Path file;
    private final long length;
    private final TransferProgress progress;

    StreamedFileEntity(Path file, ContentType contentType, TransferProgress progress) throws IOException {
        super(contentType, null);
        this.file = file;
        this.length = Files.size(file);
        this.progress = progress;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public InputStream getContent() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        StreamedFileBody.copy(file, length, out, progress);
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {}
}
