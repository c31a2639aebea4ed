package dev.filecleanup.hibernate.v6_2;

import dev.filecleanup.capture.BulkStatements;
import dev.filecleanup.hibernate.BulkPersisters;
import jakarta.persistence.Parameter;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.query.QueryProducer;
import org.hibernate.query.spi.DomainQueryExecutionContext;
import org.hibernate.query.spi.SqmQuery;
import org.hibernate.query.sqm.tree.AbstractSqmRestrictedDmlStatement;
import org.hibernate.query.sqm.tree.SqmCopyContext;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.delete.SqmDeleteStatement;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.query.sqm.tree.expression.SqmPositionalParameter;
import org.hibernate.query.sqm.tree.from.SqmRoot;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.query.sqm.tree.update.SqmAssignment;
import org.hibernate.query.sqm.tree.update.SqmUpdateStatement;

/**
 * Bulk statements of Hibernate 6.2 to 7.4 ({@code QuerySqmImpl}, from 7.1 {@code SqmQueryImpl}). The select is a
 * copy of the statement's own tree: HQL interpretations are cached and shared between threads, and building
 * paths on them would change them. Compiled against 7.4, with calls whose signatures are the same from 6.2 on.
 */
final class V6_2Bulk implements BulkStatements {

    @Override
    public Bulk describe(Object query) {
        if (!(((SqmQuery) query).getSqmStatement() instanceof AbstractSqmRestrictedDmlStatement<?> dml)
                || !(dml instanceof SqmDeleteStatement<?> || dml instanceof SqmUpdateStatement<?>)) {
            return null;
        }
        SharedSessionContractImplementor session = ((DomainQueryExecutionContext) query).getSession();
        EntityPersister persister = session.getFactory().getMappingMetamodel()
                .findEntityDescriptor(dml.getTarget().getEntityName());
        if (persister == null) {
            return null;
        }
        List<String> assigned = new ArrayList<>();
        if (dml instanceof SqmUpdateStatement<?> update) {
            for (SqmAssignment<?> assignment : update.getSetClause().getAssignments()) {
                assigned.add(relativePath(assignment.getTargetPath()));
            }
        }
        return new Bulk(persister, dml instanceof SqmDeleteStatement<?>, assigned, session,
                persister.getIdentifierPropertyName());
    }

    @Override
    public boolean deletesCollections() {
        return true;
    }

    private static String relativePath(SqmPath<?> path) {
        Deque<String> parts = new ArrayDeque<>();
        for (SqmPath<?> part = path; part != null && !(part instanceof SqmRoot<?>); part = part.getLhs()) {
            parts.addFirst(part.getNavigablePath().getLocalName());
        }
        return String.join(".", parts);
    }

    @Override
    public boolean extendedBy(Object persister, Object subclass) {
        return BulkPersisters.extendedBy(persister, subclass);
    }

    @Override
    public List<Object[]> select(Object query, Object treatAs, List<String> paths) {
        AbstractSqmRestrictedDmlStatement<?> dml =
                (AbstractSqmRestrictedDmlStatement<?>) ((SqmQuery) query).getSqmStatement();
        SharedSessionContractImplementor session = ((DomainQueryExecutionContext) query).getSession();
        Class<?> type = treatAs == null ? null : ((EntityPersister) treatAs).getMappedClass();
        CriteriaQuery<Tuple> select = build(dml, SqmCopyContext.simpleContext(), type, paths);
        // Ordinal parameters must run from ?1 without gaps; an update's SET may hold the first ones.
        TreeSet<Integer> positions = new TreeSet<>();
        for (ParameterExpression<?> parameter : select.getParameters()) {
            if (parameter.getPosition() != null) {
                positions.add(parameter.getPosition());
            }
        }
        Map<Integer, Integer> original = new HashMap<>();
        if (!positions.isEmpty() && (positions.first() != 1 || positions.last() != positions.size())) {
            Map<Integer, Integer> renumbered = new HashMap<>();
            for (Integer position : positions) {
                renumbered.put(position, renumbered.size() + 1);
                original.put(renumbered.size(), position);
            }
            SqmCopyContext context = SqmCopyContext.simpleContext();
            for (SqmParameter<?> parameter : dml.getSqmParameters()) {
                if (parameter instanceof SqmPositionalParameter<?> && renumbered.containsKey(parameter.getPosition())) {
                    context.registerCopy(parameter, new SqmPositionalParameter<>(
                            renumbered.get(parameter.getPosition()), parameter.allowMultiValuedBinding(),
                            parameter.nodeBuilder()));
                }
            }
            select = build(dml, context, type, paths);
        }
        Query rows = create(session, select);
        Query statement = (Query) query;
        for (ParameterExpression<?> parameter : select.getParameters()) {
            String name = parameter.getName();
            Integer position = parameter.getPosition();
            // Unnamed criteria parameters are the very same objects in the copy.
            Parameter<?> bound = name != null ? statement.getParameter(name)
                    : position != null ? statement.getParameter(original.getOrDefault(position, position)) : parameter;
            if (!statement.isBound(bound)) {
                continue;
            }
            Object value = statement.getParameterValue(bound);
            if (name != null) {
                rows.setParameter(name, value);
            } else if (position != null) {
                rows.setParameter(position, value);
            } else {
                @SuppressWarnings("unchecked")
                Parameter<Object> same = (Parameter<Object>) parameter;
                rows.setParameter(same, value);
            }
        }
        List<Object[]> result = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            result.add(((Tuple) row).toArray());
        }
        return result;
    }

    /**
     * {@code select paths from <copy of the target> where <copy of the restriction>}, the paths read through
     * {@code treat(target as type)} when a subclass's {@code type} is given (a mapped class: JPA's own treat, whose
     * signature is the same on every line).
     */
    private static CriteriaQuery<Tuple> build(AbstractSqmRestrictedDmlStatement<?> dml, SqmCopyContext context,
                                              Class<?> type, List<String> paths) {
        AbstractSqmRestrictedDmlStatement<?> copy = (AbstractSqmRestrictedDmlStatement<?>) dml.copy(context);
        CriteriaBuilder builder = (CriteriaBuilder) dml.nodeBuilder();
        CriteriaQuery<Tuple> select = builder.createTupleQuery();
        SqmRoot<?> root = copy.getTarget();
        ((SqmSelectStatement<?>) select).getQuerySpec().getFromClause().addRoot(root);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Path<?> from = type == null ? root : builder.treat((Root) root, type);
        List<Selection<?>> selections = new ArrayList<>();
        for (String attribute : paths) {
            Path<?> path = from;
            for (String part : attribute.split("\\.")) {
                path = path.get(part);
            }
            selections.add(path);
        }
        select.multiselect(selections);
        if (copy.getRestriction() != null) {
            select.where((Predicate) copy.getRestriction());
        }
        return select;
    }

    @Override
    public List<Object> elements(Bulk bulk, Object owner, String collection, String inside, Collection<?> ids) {
        EntityPersister persister = (EntityPersister) owner;
        String hql = "select e" + (inside.isEmpty() ? "" : "." + inside) + " from " + persister.getEntityName()
                + " o join o." + collection + " e where o." + bulk.idPath() + " in (:ids)";
        QueryProducer session = (QueryProducer) bulk.session();
        @SuppressWarnings("unchecked")
        List<Object> elements = session.createQuery(hql).setParameter("ids", ids).getResultList();
        return elements;
    }

    /**
     * Creates the query from a tree only this class holds. Under JPA bootstrap Hibernate copies criteria trees
     * again, and a second copy of a subquery from the statement's copy fails: that copy is skipped.
     */
    private static Query create(SharedSessionContractImplementor session, CriteriaQuery<Tuple> select) {
        boolean copyTree = session.isCriteriaCopyTreeEnabled();
        session.setCriteriaCopyTreeEnabled(false);
        try {
            return ((QueryProducer) session).createQuery(select);
        } finally {
            session.setCriteriaCopyTreeEnabled(copyTree);
        }
    }
}
