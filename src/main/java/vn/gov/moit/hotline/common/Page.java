package vn.gov.moit.hotline.common;

import java.util.List;

/** One page of a listing: the items, where the page is, and how many items match in all. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
