package dev.filecleanup;

import dev.filecleanup.capture.BulkCapture;
import dev.filecleanup.capture.BulkStatements;
import dev.filecleanup.capture.ElementSlots;
import dev.filecleanup.capture.FileSlots;
import dev.filecleanup.catalog.FactoryWatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a bulk statement on each target entity reads: a statement on a superclass touches the rows of every
 * subclass, and a subclass may add file attributes and collections. Built at the first statement on a target.
 */
final class BulkTargets {
    private final Map<Object, FileSlots> slots = new ConcurrentHashMap<>();
    private final Map<Object, List<ElementSlots>> owned = new ConcurrentHashMap<>();
    private final Map<Object, List<BulkCapture.Target>> byTarget = new ConcurrentHashMap<>();

    void add(FactoryWatch watch) {
        slots.putAll(watch.slots());
        owned.putAll(watch.owned());
    }

    void remove(FactoryWatch watch) {
        watch.slots().keySet().forEach(slots::remove);
        watch.owned().keySet().forEach(owned::remove);
        byTarget.clear();
    }

    /** The targets of a statement on {@code target}'s persister; empty when it touches no file values. */
    List<BulkCapture.Target> of(Object target, BulkStatements statements) {
        List<BulkCapture.Target> targets = byTarget.get(target);
        if (targets == null) {
            targets = build(target, statements);
            byTarget.put(target, targets);
        }
        return targets;
    }

    /**
     * The target and each of its subclasses with file values. Each reads what no superclass of it in the list
     * reads already, so that a hierarchy costs one select per type that adds something.
     */
    private List<BulkCapture.Target> build(Object target, BulkStatements statements) {
        List<Object> types = new ArrayList<>();
        types.add(target);
        Set<Object> watched = new LinkedHashSet<>(slots.keySet());
        watched.addAll(owned.keySet());
        for (Object persister : watched) {
            if (persister != target && statements.extendedBy(target, persister)) {
                types.add(persister);
            }
        }
        List<BulkCapture.Target> targets = new ArrayList<>();
        for (Object type : types) {
            Set<String> covered = new HashSet<>();
            Set<ElementSlots> coveredCollections = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Object superclass : types) {
                if (superclass != type && (superclass == target || statements.extendedBy(superclass, type))) {
                    FileSlots inherited = slots.get(superclass);
                    if (inherited != null) {
                        covered.addAll(inherited.attributes());
                    }
                    coveredCollections.addAll(owned.getOrDefault(superclass, List.of()));
                }
            }
            FileSlots own = slots.get(type);
            List<ElementSlots> collections = owned.getOrDefault(type, List.of()).stream()
                    .filter(elements -> !coveredCollections.contains(elements)).toList();
            if (own != null && !covered.containsAll(own.attributes()) || !collections.isEmpty()) {
                targets.add(new BulkCapture.Target(type == target ? null : type, own, Set.copyOf(covered),
                        collections));
            }
        }
        return List.copyOf(targets);
    }
}
