package org.automations.web;

/**
 * Where a submitted form may send the browser. A {@code back} parameter comes from the URL, so anyone
 * can forge it: only a path on this site is followed. An absolute URL ({@code https://evil.example}),
 * a protocol-relative one ({@code //evil.example}) or anything a browser might read as one (a
 * backslash, control characters, spaces, non-ASCII characters) is refused.
 */
final class SafeRedirect {

    private SafeRedirect() {
    }

    /** True for a path on this server such as {@code /automations/tasks?page=2}. */
    static boolean isSitePath(String url) {
        if (url == null || url.isEmpty() || url.charAt(0) != '/') {
            return false;
        }
        if (url.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            // Printable ASCII only: a space or a non-ASCII character (U+3000 in /\u3000/evil.example)
            // can neither go into a Location header as it is nor be trusted to mean a path.
            if (c == '\\' || c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * The redirect after a valid submission: the node's success URL (set by the developer), else a safe
     * {@code back} parameter, else the task list.
     */
    static String target(String successUrl, String back, String contextPath) {
        if (successUrl != null && !successUrl.isBlank()) {
            return successUrl;
        }
        if (isSitePath(back)) {
            return back;
        }
        return contextPath + "/tasks";
    }
}
