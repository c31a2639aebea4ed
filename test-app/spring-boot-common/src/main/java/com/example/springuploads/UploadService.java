package com.example.springuploads;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Transactional services as a Spring application writes them. */
@Service
public class UploadService {
    private final UploadRepository uploads;

    public UploadService(UploadRepository uploads) {
        this.uploads = uploads;
    }

    @Transactional
    public void replace(Long id, String path) {
        uploads.findById(id).orElseThrow().setPath(path);
    }

    /** Replaces the path, then fails: the transaction rolls back and the old file must stay. */
    @Transactional
    public void replaceThenFail(Long id, String path) {
        uploads.findById(id).orElseThrow().setPath(path);
        uploads.flush();
        throw new IllegalStateException("virus scan failed");
    }

    /** Removes the upload, then fails: the transaction rolls back and the file must stay. */
    @Transactional
    public void deleteThenFail(Long id) {
        uploads.deleteById(id);
        uploads.flush();
        throw new IllegalStateException("audit log unavailable");
    }
}
