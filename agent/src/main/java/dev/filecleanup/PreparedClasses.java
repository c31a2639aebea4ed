package dev.filecleanup;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The advised classes of the class loader that started the agent, woven on the start thread from their class
 * files before Hibernate defines them: the host's thread then finds them ready, instead of weaving them itself
 * (the first weaving loads and runs hundreds of cold Byte Buddy classes). Each class is woven once, by whichever
 * thread comes first; a class whose bytes differ from its class file (another agent changed them) is woven
 * as it is defined.
 */
final class PreparedClasses {
    private final WeakReference<ClassLoader> loader;
    private final List<String> names;
    private final Map<String, FutureTask<Woven>> classes = new ConcurrentHashMap<>();

    /** {@code names} in the order Hibernate usually defines them. */
    PreparedClasses(ClassLoader loader, List<String> names, ClassFileTransformer advice) {
        this.loader = new WeakReference<>(loader);
        this.names = names;
        for (String name : names) {
            classes.put(name, new FutureTask<>(() -> weave(loader, name, advice)));
        }
    }

    /** On the start thread: weaves each class that is not defined yet. */
    void prepareAll() {
        for (String name : names) {
            FutureTask<Woven> task = classes.get(name);
            if (task != null) {
                task.run();
            }
        }
    }

    /**
     * The woven class when {@code original} is the class file that was prepared, waiting for it if it is being
     * woven; null when the class must be woven now.
     */
    Woven take(ClassLoader definer, String name, byte[] original) throws InterruptedException {
        FutureTask<Woven> task = definer == loader.get() ? classes.remove(name) : null;
        if (task == null) {
            return null;
        }
        task.run();
        try {
            Woven woven = task.get();
            return woven != null && woven.original().equals(WovenCache.fingerprint(original)) ? woven : null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    private static Woven weave(ClassLoader loader, String name, ClassFileTransformer advice) throws Exception {
        byte[] original;
        try (InputStream in = loader.getResourceAsStream(name + ".class")) {
            if (in == null) {
                return null;
            }
            original = in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
        byte[] bytes = advice.transform(loader.getUnnamedModule(), loader, name, null, null, original.clone());
        return new Woven(WovenCache.fingerprint(original), bytes);
    }

    /**
     * @param original the fingerprint of the class file it was woven from
     * @param bytes    the woven class, or null when it is left as it is
     */
    record Woven(String original, byte[] bytes) {
    }
}
