"""Only installed when EVENTSDB_BENCHMARK=1: the benchmark reads each page's query count."""

from django.db import connection


class QueryCountMiddleware:
    """Adds `X-Query-Count`: the queries the request ran, the page cache's own included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counting(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counting):
            response = self.get_response(request)
        # A streamed body runs its queries after this returns: "2+" says they are not counted.
        response["X-Query-Count"] = f"{count}+" if response.streaming else str(count)
        return response
