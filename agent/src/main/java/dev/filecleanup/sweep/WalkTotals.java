package dev.filecleanup.sweep;

import java.time.Duration;
import java.util.List;

/** What the walks of one sweep saw, summed over the roots, as its outcome line says it. */
final class WalkTotals {
    private final int roots;
    private long files;
    private long referenced;
    private long excluded;
    private long excludedFolders;
    private long young;
    private long notRegular;
    private long unreadable;
    private long candidates;

    WalkTotals(List<RootWalk> walks) {
        this.roots = walks.size();
        for (RootWalk walk : walks) {
            files += walk.files;
            referenced += walk.referenced;
            excluded += walk.excluded;
            excludedFolders += walk.excludedFolders;
            young += walk.young;
            notRegular += walk.notRegular;
            unreadable += walk.unreadable;
            candidates += walk.candidates;
        }
    }

    /** {@code minAge}: the grace period, which the line names. */
    String summary(Duration minAge) {
        return files + " file(s) in " + roots + " root(s): " + referenced + " referenced, " + young + " younger than "
                + minAge + ", " + candidates + " orphan candidate(s); " + excluded + " file(s) and "
                + excludedFolders + " folder(s) excluded, " + notRegular + " links or other non-regular files skipped"
                + (unreadable > 0 ? ", " + unreadable + " unreadable" : "");
    }
}
