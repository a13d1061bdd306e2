package io.sextant.appliance.library;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sextant.appliance.security.Principal;
import io.sextant.appliance.security.Role;
import io.sextant.guard.marking.InvalidMarkingException;
import io.sextant.guard.marking.Marking;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * {@code /api/documents}: upload (multipart {@code files}, {@code marking}, {@code collection}; answered 202 with a
 * job to poll), the list as the caller may see it, an upload's progress, and delete.
 */
@Controller("/api/documents")
final class LibraryApi {

    private final Library library;
    private final ExecutorService blocking;

    LibraryApi(Library library, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.library = library;
        this.blocking = blocking;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<?>> upload(HttpRequest<?> request, Principal principal,
            @Body MultipartBody body) {
        Staging staging = library.stage();
        UploadReader reader = new UploadReader(staging, blocking);
        body.subscribe(reader);
        return reader.done.<HttpResponse<?>>thenApplyAsync(fields -> accept(request, principal, staging, fields), blocking)
                .exceptionally(e -> {
                    staging.discard();
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        if (t instanceof ContentLengthExceededException) {
                            return error(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "the upload is too large", null);
                        }
                    }
                    return error(HttpStatus.BAD_REQUEST, "the upload could not be read", null);
                });
    }

    private HttpResponse<?> accept(HttpRequest<?> request, Principal principal, Staging staging,
            Map<String, String> fields) {
        if (staging.staged().isEmpty()) {
            staging.discard();
            return error(HttpStatus.BAD_REQUEST, "no files were uploaded (field 'files')", null);
        }
        Marking declared;
        try {
            declared = library.declared(fields.get("marking"));
        } catch (InvalidMarkingException e) {
            staging.discard();
            library.refused(principal.name(), staging.id(), "invalid marking at " + e.position(), remote(request));
            return error(HttpStatus.BAD_REQUEST, "invalid marking: " + e.reason(), e.position());
        }
        String collection = fields.getOrDefault("collection", "").strip();
        if (collection.isEmpty()) {
            collection = Library.DEFAULT_COLLECTION;
        }
        if (collection.length() > 200) {
            staging.discard();
            return error(HttpStatus.BAD_REQUEST, "collection name must be 1..200 characters", null);
        }
        try {
            String job = library.submit(staging, principal.name(), collection, declared, remote(request));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("marking", "UNCLASSIFIED");
            out.put("jobId", job);
            out.put("files", staging.staged().size());
            return HttpResponse.status(HttpStatus.ACCEPTED).body(out);
        } catch (RejectedExecutionException e) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "too many uploads are waiting; try again later", null);
        }
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    Library.Listing list(Principal principal) {
        return library.list(principal.name(), principal.analyst().clearance(), isAdmin(principal));
    }

    @Get(value = "/jobs/{jobId}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    Library.JobView job(Principal principal, @PathVariable String jobId) {
        return library.job(jobId, principal.name(), principal.analyst().clearance(), isAdmin(principal))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "not found"));
    }

    @Delete(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    Map<String, Object> delete(HttpRequest<?> request, Principal principal, @PathVariable String id) {
        long documentId;
        try {
            documentId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        if (!library.delete(documentId, principal.name(), principal.analyst().clearance(), isAdmin(principal),
                remote(request))) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        return Map.of("marking", "UNCLASSIFIED", "deleted", documentId);
    }

    private static HttpResponse<?> error(HttpStatus status, String reason, Integer position) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("marking", "UNCLASSIFIED");
        out.put("status", status.getCode());
        out.put("error", status.getReason());
        out.put("reason", reason);
        if (position != null) {
            out.put("position", position);
        }
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(out);
    }

    static boolean isAdmin(Principal principal) {
        return principal.account().role() == Role.ADMIN;
    }

    static String remote(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }

    /**
     * Consumes the multipart body part by part: each file is taken over as it completes and streamed to the staging
     * folder on a worker thread, one at a time, before the next part is requested; small fields are kept.
     */
    private static final class UploadReader implements Subscriber<CompletedPart> {
        private final Staging staging;
        private final ExecutorService worker;
        private final Map<String, String> fields = new LinkedHashMap<>();
        final CompletableFuture<Map<String, String>> done = new CompletableFuture<>();
        private CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        private Subscription subscription;

        UploadReader(Staging staging, ExecutorService worker) {
            this.staging = staging;
            this.worker = worker;
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(CompletedPart part) {
            InputStream in;
            try {
                // Take the part over now: the binder releases parts nobody took when the body ends.
                in = part.getInputStream();
            } catch (IOException e) {
                done.completeExceptionally(e);
                subscription.cancel();
                return;
            }
            String name = part.getName();
            String filename = part instanceof CompletedFileUpload f ? f.getFilename() : null;
            chain = chain.thenRunAsync(() -> {
                try {
                    if (filename != null && "files".equals(name)) {
                        staging.add(filename, in);
                    } else {
                        try (in) {
                            byte[] b = in.readNBytes(2000);
                            if (fields.size() < 16) {
                                fields.put(name, new String(b, StandardCharsets.UTF_8));
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, worker).whenComplete((v, e) -> {
                if (e != null) {
                    done.completeExceptionally(e);
                    subscription.cancel();
                } else {
                    subscription.request(1);
                }
            });
        }

        @Override
        public void onError(Throwable t) {
            chain.whenComplete((v, e) -> done.completeExceptionally(t));
        }

        @Override
        public void onComplete() {
            chain.whenComplete((v, e) -> {
                if (e == null) {
                    done.complete(fields);
                } else {
                    done.completeExceptionally(e);
                }
            });
        }
    }
}
