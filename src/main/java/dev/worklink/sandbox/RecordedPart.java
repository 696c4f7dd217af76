package dev.worklink.sandbox;

/**
 * One part of a multipart body as the sandbox received it: its bytes were counted and hashed, never kept.
 *
 * @param field       the form field name
 * @param fileName    the file name, or null for a plain field
 * @param contentType the part's Content-Type, or null
 * @param size        bytes of the part's content
 * @param sha256      hex SHA-256 of the part's content
 */
public record RecordedPart(String field, String fileName, String contentType, long size, String sha256) {}
