package dev.filecleanup.catalog;

import dev.filecleanup.capture.FileSlots;
import dev.filecleanup.capture.FileValue;
import dev.filecleanup.config.Selector;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which attributes of a SessionFactory are file attributes: single-column basic attributes typed
 * {@code Path} or {@code File}, and String attributes named by a selector, minus the excludes. Inherited
 * attributes belong to each subclass persister, so a selector naming the superclass covers every subclass.
 */
public final class AttributeCatalog {

    private AttributeCatalog() {
    }

    public static FactoryWatch build(FactoryModel model, List<Selector> attributes, List<Selector> excludes) {
        Map<Object, List<MappedAttribute>> byPersister = new IdentityHashMap<>();
        Set<String> watched = new TreeSet<>();
        Set<Selector> used = new LinkedHashSet<>();
        Map<Selector, String> wrongType = new LinkedHashMap<>();
        Map<String, FileColumn> columns = new LinkedHashMap<>();

        Map<Object, Set<String>> namesByPersister = new IdentityHashMap<>();
        Map<Object, String> entityByPersister = new IdentityHashMap<>();
        for (MappedAttribute attribute : model.attributes()) {
            Set<String> names = namesByPersister.computeIfAbsent(attribute.persister(),
                    p -> EntityNames.of(attribute.entityClass(), attribute.entityName()));
            String entity = entityByPersister.computeIfAbsent(attribute.persister(),
                    p -> EntityNames.display(attribute.entityClass(), attribute.entityName()));
            String label = entity + "." + attribute.attribute();
            Selector excluded = first(excludes, names, attribute.attribute());
            if (excluded != null) {
                used.add(excluded);
                continue;
            }
            Selector selected = first(attributes, names, attribute.attribute());
            Class<?> type = attribute.javaType();
            boolean fileTyped = FileValue.isFileType(type);
            if (selected != null && !FileValue.canHold(type)) {
                wrongType.put(selected, label + (type == null ? " is not a single basic column"
                        : " is a " + type.getSimpleName() + ", not a String, Path or File"));
                continue;
            }
            if (selected == null && !fileTyped) {
                continue;
            }
            if (selected != null) {
                used.add(selected);
            }
            byPersister.computeIfAbsent(attribute.persister(), p -> new ArrayList<>()).add(attribute);
            watched.add(label);
            FileColumn column = new FileColumn(attribute.table(), attribute.column(), attribute.toColumnValue());
            columns.putIfAbsent(column.table() + "." + column.column(), column);
        }

        Map<Object, FileSlots> slots = new IdentityHashMap<>();
        byPersister.forEach((persister, list) -> slots.put(persister, new FileSlots(entityByPersister.get(persister),
                list.stream().mapToInt(MappedAttribute::position).toArray(),
                list.stream().map(MappedAttribute::attribute).toArray(String[]::new))));
        return new FactoryWatch(model.name(), model.hibernateVersion(), slots, List.copyOf(watched),
                problems(attributes, excludes, used, wrongType), List.copyOf(columns.values()));
    }

    private static List<String> problems(List<Selector> attributes, List<Selector> excludes, Set<Selector> used,
                                         Map<Selector, String> wrongType) {
        List<String> problems = new ArrayList<>();
        for (Selector selector : attributes) {
            if (!used.contains(selector)) {
                problems.add("filecleanup.attributes selector '" + selector + "' watches nothing: "
                        + wrongType.getOrDefault(selector, "it matches no entity attribute"));
            }
        }
        for (Selector selector : excludes) {
            if (!used.contains(selector)) {
                problems.add("filecleanup.exclude selector '" + selector + "' excludes nothing: "
                        + "it matches no entity attribute");
            }
        }
        return problems;
    }

    private static Selector first(List<Selector> selectors, Set<String> entityNames, String attribute) {
        for (Selector selector : selectors) {
            if (selector.matches(entityNames, attribute)) {
                return selector;
            }
        }
        return null;
    }
}
