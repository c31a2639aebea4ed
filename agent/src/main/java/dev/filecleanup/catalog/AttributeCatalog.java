package dev.filecleanup.catalog;

import dev.filecleanup.capture.ElementSlots;
import dev.filecleanup.capture.FileSlots;
import dev.filecleanup.capture.FileValue;
import dev.filecleanup.capture.ReleasingColumn;
import dev.filecleanup.config.Selector;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Decides, for one SessionFactory, which attributes are file attributes and which columns protect files.
 * <ul>
 *   <li>A file attribute is a single-column attribute typed {@code Path}, {@code File} or {@code URI}, or a
 *   String attribute named by a selector, minus the excludes: at the top level, inside embeddables, or the
 *   element (or a value inside the embeddable element) of a collection. Its old values are captured.</li>
 *   <li>A reference column is any column that can hold a path: those of file attributes, of excluded ones
 *   (exclusion means "never delete because of this attribute", not "this column names no file"), and of
 *   selected or path-typed values inside embeddables and collections. The reference check reads them all.</li>
 * </ul>
 * Inherited attributes belong to each subclass persister, so a selector naming the superclass covers every
 * subclass.
 */
public final class AttributeCatalog {

    private AttributeCatalog() {
    }

    public static FactoryWatch build(FactoryModel model, List<Selector> attributes, List<Selector> excludes) {
        Map<Object, List<MappedAttribute>> watchedByPersister = new IdentityHashMap<>();
        Map<Object, List<MappedAttribute>> watchedByCollection = new IdentityHashMap<>();
        Map<Object, Set<Object>> owners = new IdentityHashMap<>();
        Map<Object, String> entityByPersister = new IdentityHashMap<>();
        Map<Object, Set<String>> namesByPersister = new IdentityHashMap<>();
        Set<String> watched = new TreeSet<>();
        Set<Selector> used = new LinkedHashSet<>();
        Map<Selector, String> wrongType = new LinkedHashMap<>();
        Map<String, FileColumn> columns = new LinkedHashMap<>();
        Map<String, ReleasingColumn> releasing = new LinkedHashMap<>();

        for (MappedAttribute attribute : model.attributes()) {
            Set<String> names = namesByPersister.computeIfAbsent(attribute.persister(),
                    p -> EntityNames.of(attribute.entityClass(), attribute.entityName()));
            String entity = entityByPersister.computeIfAbsent(attribute.persister(),
                    p -> EntityNames.display(attribute.entityClass(), attribute.entityName()));
            String label = entity + "." + attribute.label();
            Selector excluded = first(excludes, names, attribute.path());
            Selector selected = first(attributes, names, attribute.path());
            boolean canHold = attribute.column() != null && FileValue.canHold(attribute.javaType());
            boolean fileTyped = canHold && FileValue.isFileType(attribute.javaType());
            if (excluded != null) {
                used.add(excluded);
            }
            if (selected != null && !canHold) {
                wrongType.put(selected, label + (attribute.column() == null ? " is not a single basic column"
                        : " is a " + attribute.javaType().getSimpleName() + ", not a String, Path, File or URI"));
                continue;
            }
            if (selected != null) {
                used.add(selected);
            }
            if (canHold && (selected != null || excluded != null || fileTyped)) {
                columns.putIfAbsent(attribute.column().label(), attribute.column());
            }
            if (excluded == null && (selected != null || fileTyped)) {
                FileColumn column = attribute.column();
                releasing.putIfAbsent(column.label(), new ReleasingColumn(column.table(), column.column(),
                        column.lob(), column.converter() == null ? null : column.converter()::toAttribute, entity,
                        attribute.element() != null ? attribute.label() : attribute.path(), column.label()));
                if (attribute.element() != null) {
                    // A collection declared by a superclass is listed by every subclass persister: once is enough.
                    List<MappedAttribute> values = watchedByCollection.computeIfAbsent(
                            attribute.element().persister(), p -> new ArrayList<>());
                    if (values.stream().noneMatch(value -> value.path().equals(attribute.path()))) {
                        values.add(attribute);
                    }
                    owners.computeIfAbsent(attribute.persister(), p -> new LinkedHashSet<>())
                            .add(attribute.element().persister());
                    watched.add(label);
                } else if (attribute.position() >= 0) {
                    watchedByPersister.computeIfAbsent(attribute.persister(), p -> new ArrayList<>()).add(attribute);
                    watched.add(label);
                }
            }
        }

        Map<Object, FileSlots> slots = new IdentityHashMap<>();
        watchedByPersister.forEach((persister, list) -> slots.put(persister, new FileSlots(
                entityByPersister.get(persister),
                list.stream().mapToInt(MappedAttribute::position).toArray(),
                list.stream().map(MappedAttribute::path).toArray(String[]::new),
                list.stream().map(attribute -> attribute.column().label()).toArray(String[]::new),
                inside(list))));
        Map<Object, ElementSlots> elements = new IdentityHashMap<>();
        watchedByCollection.forEach((collection, list) -> elements.put(collection, new ElementSlots(
                entityByPersister.get(list.get(0).persister()),
                list.get(0).element().path(),
                list.stream().map(attribute -> attribute.path().substring(attribute.element().path().length())
                        .replaceFirst("^\\.", "")).toArray(String[]::new),
                list.stream().map(MappedAttribute::label).toArray(String[]::new),
                list.stream().map(attribute -> attribute.column().label()).toArray(String[]::new),
                list.stream().map(attribute -> attribute.column().column()).toArray(String[]::new),
                inside(list),
                converters(list))));
        Map<Object, List<ElementSlots>> ownedElements = new IdentityHashMap<>();
        owners.forEach((owner, collections) -> ownedElements.put(owner,
                collections.stream().map(elements::get).toList()));
        return new FactoryWatch(model.name(), model.hibernateVersion(), slots, elements, ownedElements,
                List.copyOf(watched),
                used.stream().map(Selector::toString).collect(Collectors.toUnmodifiableSet()),
                problems(attributes, excludes, used, wrongType), List.copyOf(columns.values()),
                List.copyOf(releasing.values()));
    }

    @SuppressWarnings("unchecked")
    private static UnaryOperator<Object>[] inside(List<MappedAttribute> attributes) {
        return attributes.stream().map(MappedAttribute::inside).toArray(UnaryOperator[]::new);
    }

    @SuppressWarnings("unchecked")
    private static UnaryOperator<Object>[] converters(List<MappedAttribute> attributes) {
        return attributes.stream().map(attribute -> {
            FileColumn.Converter converter = attribute.column().converter();
            return converter == null ? null : (UnaryOperator<Object>) converter::toAttribute;
        }).toArray(UnaryOperator[]::new);
    }

    private static Map<String, String> problems(List<Selector> attributes, List<Selector> excludes,
                                                Set<Selector> used, Map<Selector, String> wrongType) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Selector selector : attributes) {
            if (!used.contains(selector)) {
                problems.put(selector.toString(), "filecleanup.attributes selector '" + selector + "' watches nothing: "
                        + wrongType.getOrDefault(selector, "it matches no entity attribute"));
            }
        }
        for (Selector selector : excludes) {
            if (!used.contains(selector)) {
                problems.put(selector.toString(), "filecleanup.exclude selector '" + selector + "' excludes nothing: "
                        + "it matches no entity attribute");
            }
        }
        return problems;
    }

    private static Selector first(List<Selector> selectors, Set<String> entityNames, String path) {
        for (Selector selector : selectors) {
            if (selector.matches(entityNames, path)) {
                return selector;
            }
        }
        return null;
    }
}
