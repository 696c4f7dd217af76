package dev.worklink.http;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * A request body's output that takes a file's bytes from the file itself: the kernel copies them from the page cache
 * to the socket ({@link FileChannel#transferTo}, {@code sendfile(2)} on Linux), with no copy through the JVM's heap.
 * The connections of {@link HttpClientFactory} give one to an entity when the connection is a plain TCP socket (no
 * TLS) and the body's length is known; otherwise the entity writes through the stream as usual.
 *
 * <p>Why: on a 2-core machine a 200 MB upload reached a receiver at two thirds of curl's speed, because the JVM copied
 * every byte twice more than curl does (file to a direct buffer to the heap, heap to a direct buffer to the socket)
 * and spent that CPU while the receiver needed it (bench/ANALYSIS.md, section 1).
 */
interface FileSink {

    /**
     * Writes {@code count} bytes of {@code file}, from {@code position}, as the next bytes of the body. Returns when all
     * of them are written.
     *
     * @throws java.io.EOFException when the file ends before them (it changed since its length was taken)
     */
    void transferFrom(FileChannel file, long position, long count) throws IOException;
}
