package io.sextant.appliance.ask;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.sextant.appliance.platform.SiteConfig;
import io.sextant.appliance.security.Principal;
import io.sextant.appliance.web.Banner;
import io.sextant.appliance.web.PageModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ask page: {@code /ask} starts a conversation, {@code /ask/{id}} shows one of the user's conversations
 * server-rendered (each answer portion-marked, citations as links to the passage) and continues it. The page's
 * banner is the roll-up of the answers shown; the conversation list shows only the user's own questions. Asking,
 * streaming and feedback are done by {@code /static/ask.js} against the Ask API.
 */
@Controller("/ask")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AskPageController {

    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,4})]");

    private final AskService service;
    private final SiteConfig site;

    AskPageController(AskService service, SiteConfig site) {
        this.service = service;
        this.site = site;
    }

    /**
     * A piece of paragraph text: plain, or a citation link.
     *
     * @param text  the text (for a citation, {@code [n]})
     * @param link  the passage link, or null for plain text
     * @param title the cited document and place, or null
     */
    record Segment(String text, String link, String title) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> ask(Principal principal) {
        return page(principal, null, List.of(), "UNCLASSIFIED");
    }

    @Get("/{id}")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> conversation(Principal principal, @PathVariable String id) {
        AskController.ConversationJson c = AskController.view(service, principal, id)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "not found"));
        return page(principal, id, c.turns(), c.marking());
    }

    private ModelAndView<Map<String, Object>> page(Principal principal, String id,
            List<AskController.TurnJson> turns, String marking) {
        Map<String, Object> model = PageModel.of(principal, principal.session(), site, Banner.of(marking));
        model.put("conversations", service.store().list(principal.name()));
        model.put("conversationId", id == null ? "" : id);
        List<Map<String, Object>> shown = new ArrayList<>();
        for (AskController.TurnJson t : turns) {
            Map<String, Object> m = new HashMap<>();
            m.put("question", t.question());
            m.put("answer", t.answer());
            List<List<Segment>> paragraphs = new ArrayList<>();
            for (AskAnswer.Paragraph p : t.answer().paragraphs()) {
                paragraphs.add(segments(p.text(), t.answer().citations()));
            }
            m.put("paragraphs", paragraphs);
            shown.add(m);
        }
        model.put("turns", shown);
        return new ModelAndView<>("ask/ask", model);
    }

    /**
     * @param text      paragraph text with {@code [n]} citations
     * @param citations the answer's citations
     * @return the text split into plain pieces and citation links
     */
    static List<Segment> segments(String text, List<AskAnswer.CitationRef> citations) {
        List<Segment> out = new ArrayList<>();
        Matcher m = CITATION.matcher(text);
        int at = 0;
        while (m.find()) {
            AskAnswer.CitationRef c = citations.stream().filter(x -> x.n() == Integer.parseInt(m.group(1)))
                    .findFirst().orElse(null);
            if (c == null) {
                continue;
            }
            if (m.start() > at) {
                out.add(new Segment(text.substring(at, m.start()), null, null));
            }
            out.add(new Segment(m.group(), c.link(), c.title()));
            at = m.end();
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), null, null));
        }
        return out;
    }
}
