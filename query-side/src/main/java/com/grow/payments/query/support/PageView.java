package com.grow.payments.query.support;

import java.util.List;

/** One page of a list answer, newest first. */
public record PageView<T>(List<T> content, int page, int size, long totalElements) {
}
