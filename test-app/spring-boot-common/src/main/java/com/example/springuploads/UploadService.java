package com.example.springuploads;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Transactional services as a Spring application writes them. */
@Service
public class UploadService {
    private final UploadRepository uploads;
    private final InnerService inner;

    public UploadService(UploadRepository uploads, InnerService inner) {
        this.uploads = uploads;
        this.inner = inner;
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

    /** The outer transaction replaces a path and rolls back; the inner one, REQUIRES_NEW, removes and commits. */
    @Transactional
    public void outerFailsAfterInnerCommits(Long replacedInOuter, String newPath, Long removedInInner) {
        uploads.findById(replacedInOuter).orElseThrow().setPath(newPath);
        uploads.flush();
        inner.removeInNewTransaction(removedInInner);
        throw new IllegalStateException("outer transaction fails");
    }

    /** A read-only transaction: Spring sets Hibernate's flush mode to MANUAL, so the removal never runs. */
    @Transactional(readOnly = true)
    public void removeInReadOnlyTransaction(Long id) {
        uploads.deleteById(id);
    }

    /** A separate bean, so that the REQUIRES_NEW proxy applies. */
    @Service
    public static class InnerService {
        private final UploadRepository uploads;

        public InnerService(UploadRepository uploads) {
            this.uploads = uploads;
        }

        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public void removeInNewTransaction(Long id) {
            uploads.deleteById(id);
        }
    }
}
