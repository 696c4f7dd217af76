package dev.worklink.sandbox;

import java.io.IOException;
import java.util.List;

/** The check the plan-image and extension-icon uploads share: a well-formed multipart body with one file, in one field. */
final class UploadedFile {

    private UploadedFile() {}

    /** The one file in {@code field}; null after answering 400 with {@code errorCode} when there is not exactly that. */
    static MultipartStream.Part in(SandboxExchange ex, String field, String errorCode) throws IOException {
        if (!ex.isMultipart()) {
            ex.huaweiError(400, errorCode, "The request must be multipart/form-data with one file in the field '" + field
                    + "', but its Content-Type is " + ex.header("Content-Type"));
            return null;
        }
        if (ex.multipartProblem() != null) {
            ex.huaweiError(400, errorCode, "The multipart body is malformed: " + ex.multipartProblem());
            return null;
        }
        List<MultipartStream.Part> files = ex.parts().stream().filter(MultipartStream.Part::isFile).toList();
        if (files.size() != 1 || !field.equals(files.get(0).field())) {
            ex.huaweiError(400, errorCode, "Exactly one file is expected, in the field '" + field + "'; the request has "
                    + (files.isEmpty() ? "no file" : "files in the fields " + files.stream().map(p -> "'" + p.field() + "'").toList()));
            return null;
        }
        return files.get(0);
    }
}
