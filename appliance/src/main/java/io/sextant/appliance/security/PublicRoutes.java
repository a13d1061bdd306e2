package io.sextant.appliance.security;

import io.micronaut.http.HttpMethod;

/**
 * The only requests served without authentication. Everything else is denied by {@link AuthFilter}: a new route is
 * private unless it is added here.
 */
final class PublicRoutes {

    private PublicRoutes() {
    }

    static boolean isPublic(HttpMethod method, String path) {
        return switch (path) {
            case "/api/health" -> method == HttpMethod.GET || method == HttpMethod.HEAD;
            case "/login" -> method == HttpMethod.GET || method == HttpMethod.POST;
            case "/login/certificate" -> method == HttpMethod.POST;
            default -> (method == HttpMethod.GET || method == HttpMethod.HEAD)
                    && path.startsWith("/static/") && !path.contains("..");
        };
    }

    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/v1/");
    }

    static boolean isAdmin(String path) {
        return path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/admin/");
    }

    /** Pages a signed-in user who must change the password may still reach. */
    static boolean allowedBeforePasswordChange(String path) {
        return path.equals("/account/password") || path.equals("/logout");
    }
}
