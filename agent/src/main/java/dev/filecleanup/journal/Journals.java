package dev.filecleanup.journal;

import dev.filecleanup.Log;
import dev.filecleanup.config.AgentConfig;
import dev.filecleanup.config.JournalSetting;
import java.io.IOException;

/** Opens the journal that {@code filecleanup.journal} names. */
public final class Journals {
    private Journals() {
    }

    /**
     * The journal to use. A directory the user named that cannot be used (another JVM holds it, it cannot be
     * written) is an error: the user asked for crash safety. The automatic one falls back to none, and says so.
     */
    public static Journal open(AgentConfig config) throws IOException {
        JournalSetting setting = config.journal();
        if (setting.none()) {
            return Journal.NONE;
        }
        if (setting.table()) {
            return new TableJournal(config.journalTable(), config.createJournalTable(), config.journalLease());
        }
        try {
            return FileJournal.open(setting.directory());
        } catch (IOException | RuntimeException e) {
            if (!setting.automatic()) {
                throw e instanceof IOException io ? io : new IOException(e);
            }
            Log.warn("no journal: the default journal {} cannot be used ({}); pending deletions are lost if the JVM "
                    + "crashes. Set filecleanup.journal to file:<directory> or none", setting.directory(),
                    e.toString());
            return Journal.NONE;
        }
    }
}
