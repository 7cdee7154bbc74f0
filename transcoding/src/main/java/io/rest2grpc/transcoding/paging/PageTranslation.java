package io.rest2grpc.transcoding.paging;

/**
 * A legacy page number asked for in another page length: page {@code number} of {@code size}-item
 * pages starts after {@code (number - firstPage) * size} items, and the same items must come next
 * whatever page_size the client asks for now. When that offset is a multiple of the new length the
 * page is simply renumbered; otherwise the length sent is the largest divisor of the offset not
 * above the new one, so the page starts exactly there and no item is skipped or repeated. The page
 * is then shorter than page_size asked (AIP-158 allows it), and the pages after it keep counting
 * in that length, since each token carries the length its number counts in.
 */
record PageTranslation(long number, int size) {
  /** Bounds the divisor search for huge page lengths; past it, the greatest common divisor serves. */
  private static final int SEARCH = 100_000;

  static PageTranslation of(RestPosition.Page page, int firstPage, int newSize) {
    if (page.size() == newSize) {
      return new PageTranslation(page.number(), newSize);
    }
    long offset = Math.multiplyExact(page.number() - firstPage, (long) page.size());
    int size = offset == 0 ? newSize : largestDivisorAtMost(offset, newSize);
    return new PageTranslation(firstPage + offset / size, size);
  }

  private static int largestDivisorAtMost(long offset, int limit) {
    for (int size = limit; size > 0 && limit - size < SEARCH; size--) {
      if (offset % size == 0) {
        return size;
      }
    }
    return (int) gcd(offset, limit);
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
