package dev.tenancy.sample.admin;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

import java.util.LinkedHashMap;
import java.util.Map;

/** Links to the current list page with its filters kept: to another page of it, or sorted another way. */
final class Links {

    private Links() {
    }

    /** The current page's path and query without its {@code page} parameter (the pager adds it). */
    static String withoutPage() {
        return relative(ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page").build());
    }

    /**
     * For each column, the current page sorted by it, back at its first page: ascending, or descending when it is
     * already sorted ascending by that column.
     */
    static Map<String, String> sorting(Iterable<String> columns, String sort, String dir) {
        Map<String, String> links = new LinkedHashMap<>();
        for (String column : columns) {
            String next = column.equals(sort) && !"desc".equals(dir) ? "desc" : "asc";
            links.put(column, relative(ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page")
                    .replaceQueryParam("sort", column).replaceQueryParam("dir", next).build()));
        }
        return links;
    }

    private static String relative(UriComponents uri) {
        String query = uri.getQuery();
        return uri.getPath() + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}
