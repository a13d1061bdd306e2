package io.sextant.appliance.entities;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.sextant.guard.access.AccessDecision;
import io.sextant.guard.access.AccessPolicy;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.rollup.Rollup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Entities, mentions and co-occurrence relations as one user may see them. The user's clearance decides which
 * portion marks are visible (the guard's access policy, the same check the corpus applies to every passage); every
 * list, count, relation and citation is computed from mentions in those passages only, so an entity known only from
 * passages above the user's access does not exist for them, and its id gives the same answer as an unknown one. Each
 * result carries the banner: the roll-up of the markings of the passages behind what it shows. JSON shapes keep
 * empty lists (a client can always iterate {@code related}, {@code edges}...).
 */
public final class EntityService {

    /** Most mentions listed for one entity. */
    public static final int MAX_MENTIONS = 200;
    /** Most entities listed or drawn at once. */
    public static final int MAX_LIMIT = 500;

    /**
     * An entity with its visible mention count.
     *
     * @param id       entity id
     * @param name     name
     * @param type     person, organization, place, equipment or date
     * @param mentions visible mentions
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EntitySummary(long id, String name, String type, int mentions) {
        static EntitySummary of(EntityStore.Counted c) {
            return new EntitySummary(c.id(), c.name(), c.type().label(), c.mentions());
        }
    }

    /**
     * A passage that supports what is shown.
     *
     * @param passageId  the passage
     * @param documentId its document
     * @param link       where the passage opens
     * @param marking    its portion mark
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Citing(String passageId, String documentId, String link, String marking) {
        static Citing of(String passageId, long documentId, String marking) {
            return new Citing(passageId, Long.toString(documentId), EntityService.link(documentId, passageId), marking);
        }
    }

    /**
     * One visible mention.
     *
     * @param passageId  the passage
     * @param documentId its document
     * @param link       where the passage opens
     * @param marking    the passage's portion mark
     * @param surface    the text as written
     * @param snippet    the text around it
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MentionView(String passageId, String documentId, String link, String marking, String surface,
            String snippet) {
    }

    /**
     * An entity that shares visible passages with another.
     *
     * @param id        entity id
     * @param name      name
     * @param type      kind
     * @param passages  ids of the shared passages
     * @param citations the shared passages with links
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Related(long id, String name, String type, List<String> passages, List<Citing> citations) {
    }

    /**
     * The entity list.
     *
     * @param marking  the banner
     * @param entities most mentioned first
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Listing(String marking, List<EntitySummary> entities) {
    }

    /**
     * One entity.
     *
     * @param marking  the banner
     * @param entity   the entity
     * @param mentions its visible mentions
     * @param related  entities in the same visible passages, most shared passages first
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Detail(String marking, EntitySummary entity, List<MentionView> mentions, List<Related> related) {
    }

    /**
     * A co-occurrence edge.
     *
     * @param source    one entity id
     * @param target    the other
     * @param weight    shared passages
     * @param passages  ids of the shared passages
     * @param citations the shared passages with links
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Edge(long source, long target, int weight, List<String> passages, List<Citing> citations) {
    }

    /**
     * The co-occurrence graph of the most mentioned entities.
     *
     * @param marking the banner
     * @param nodes   entities
     * @param edges   relations among them
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Graph(String marking, List<EntitySummary> nodes, List<Edge> edges) {
    }

    private final EntityStore store;
    private final MarkingParser parser;

    /**
     * @param store  the entity store
     * @param parser the marking parser the corpus uses
     */
    public EntityService(EntityStore store, MarkingParser parser) {
        this.store = store;
        this.parser = parser;
    }

    /** @return the store */
    public EntityStore store() {
        return store;
    }

    /**
     * @param user  the requesting user
     * @param type  only this kind, or null
     * @param query part of the name, or null
     * @param limit how many
     * @return the most mentioned visible entities
     */
    public Listing list(Clearance user, EntityType type, String query, int limit) {
        Set<String> visible = visible(user);
        List<EntityStore.Counted> top = store.top(visible, type, query, clamp(limit));
        List<Long> ids = top.stream().map(EntityStore.Counted::id).toList();
        return new Listing(banner(store.markingsOf(visible, ids)), top.stream().map(EntitySummary::of).toList());
    }

    /**
     * @param user the requesting user
     * @param id   an entity id
     * @return the entity as the user may see it; empty when unknown or supported only by hidden passages
     */
    public Optional<Detail> entity(Clearance user, long id) {
        Set<String> visible = visible(user);
        Optional<EntityStore.Counted> found = store.entity(visible, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Set<String> shown = new TreeSet<>();
        List<MentionView> mentions = new ArrayList<>();
        for (EntityStore.StoredMention m : store.mentions(visible, List.of(id), MAX_MENTIONS)) {
            mentions.add(new MentionView(m.passageId(), Long.toString(m.documentId()),
                    link(m.documentId(), m.passageId()), m.marking(), m.surface(), m.snippet()));
            shown.add(m.marking());
        }
        Map<Long, List<EntityStore.Pair>> byOther = new LinkedHashMap<>();
        for (EntityStore.Pair p : store.related(visible, id)) {
            byOther.computeIfAbsent(p.b(), k -> new ArrayList<>()).add(p);
            shown.add(p.marking());
        }
        Map<Long, EntityStore.Counted> names = store.names(byOther.keySet());
        List<Related> related = new ArrayList<>();
        byOther.forEach((other, pairs) -> {
            EntityStore.Counted n = names.get(other);
            if (n != null) {
                related.add(new Related(other, n.name(), n.type().label(),
                        pairs.stream().map(EntityStore.Pair::passageId).toList(),
                        pairs.stream().map(p -> Citing.of(p.passageId(), p.documentId(), p.marking())).toList()));
            }
        });
        related.sort(Comparator.comparingInt((Related r) -> r.passages().size()).reversed()
                .thenComparing(Related::name));
        return Optional.of(new Detail(banner(shown), EntitySummary.of(found.get()), mentions, related));
    }

    /**
     * @param user  the requesting user
     * @param limit how many nodes
     * @return the most mentioned visible entities and their visible co-occurrences
     */
    public Graph graph(Clearance user, int limit) {
        Set<String> visible = visible(user);
        List<EntityStore.Counted> top = store.top(visible, null, null, clamp(limit));
        List<Long> ids = top.stream().map(EntityStore.Counted::id).toList();
        Map<String, List<EntityStore.Pair>> byEdge = new LinkedHashMap<>();
        for (EntityStore.Pair p : store.pairs(visible, ids)) {
            byEdge.computeIfAbsent(p.a() + "-" + p.b(), k -> new ArrayList<>()).add(p);
        }
        List<Edge> edges = new ArrayList<>();
        for (List<EntityStore.Pair> pairs : byEdge.values()) {
            EntityStore.Pair first = pairs.get(0);
            edges.add(new Edge(first.a(), first.b(), pairs.size(),
                    pairs.stream().map(EntityStore.Pair::passageId).toList(),
                    pairs.stream().map(p -> Citing.of(p.passageId(), p.documentId(), p.marking())).toList()));
        }
        return new Graph(banner(store.markingsOf(visible, ids)), top.stream().map(EntitySummary::of).toList(), edges);
    }

    /**
     * The banner of the entities page: the roll-up of the passages behind its table and its graph (the graph's
     * citations and an entity's mentions all lie in passages behind the graph's nodes).
     *
     * @param user       the requesting user
     * @param listing    the table as shown
     * @param graphLimit nodes the page's graph draws
     * @return the banner line
     */
    public String pageBanner(Clearance user, Listing listing, int graphLimit) {
        Set<String> visible = visible(user);
        Set<Long> ids = new LinkedHashSet<>();
        listing.entities().forEach(e -> ids.add(e.id()));
        store.top(visible, null, null, clamp(graphLimit)).forEach(c -> ids.add(c.id()));
        return banner(store.markingsOf(visible, ids));
    }

    /**
     * @param user the requesting user
     * @return the stored portion marks the user may see
     */
    public Set<String> visible(Clearance user) {
        Set<String> out = new LinkedHashSet<>();
        for (String mark : store.markings()) {
            try {
                Marking m = parser.parsePortion(mark).marking();
                if (AccessPolicy.decide(user, m) instanceof AccessDecision.Allow) {
                    out.add(mark);
                }
            } catch (RuntimeException e) {
                // an unreadable mark is never shown
            }
        }
        return out;
    }

    /**
     * @param marks portion marks of what is shown
     * @return their roll-up as a banner line, UNCLASSIFIED for none
     */
    public String banner(Collection<String> marks) {
        if (marks.isEmpty()) {
            return "UNCLASSIFIED";
        }
        List<Marking> ms = marks.stream().map(m -> parser.parsePortion(m).marking()).toList();
        return MarkingFormatter.banner(Rollup.of(ms));
    }

    /**
     * @param documentId a document
     * @param passageId  one of its passages
     * @return the link that opens the passage in its document
     */
    public static String link(long documentId, String passageId) {
        return "/documents/" + documentId + "?passage=" + passageId + "#passage-" + passageId;
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
