""" "Do I qualify?" on a local service page (``<page>/kom-ik-in-aanmerking/``).

A GET form, one question at a time; the answers so far travel in the query string (as
hidden inputs of the next form), so nothing is stored and it works without JavaScript.
Because the URL carries a citizen's answers, the response is never kept by the page
cache or any shared cache (``Cache-Control: private, no-store``) and is not indexed.
"""

from cms.core.public_forms import ErrorEntry

from .eligibility import APPLY_ONLINE, CHANGE, DESK, query, walk

ROUTE = "eligibility"
TEMPLATE = "catalogue/eligibility_check.html"


def check_url(page, request):
    return (page.get_url(request) or "") + page.reverse_subpage(ROUTE)


def summary(step, url):
    """Each answer so far with a link that reopens its question (its answer selected)."""
    rows = []
    for number, (question, answer) in enumerate(step.answered):
        pairs = step.answered[: number + 1]
        rows.append(
            {
                "question": question,
                "answer": answer,
                "change_url": f"{url}?{query(pairs, **{CHANGE: question.key})}",
            }
        )
    return rows


def check_view(page, request):
    flow = page.eligibility
    step = walk(flow, request.GET)
    url = check_url(page, request)
    errors = []
    if step.error:
        errors.append(ErrorEntry(step.error, step.question.text, f"answer-{step.question.key}-1"))
    outcome = step.outcome
    context = {
        "check": step,
        "check_url": url,
        "check_summary": summary(step, url),
        "check_form": {"error_summary": errors},
        "check_outcome": outcome,
        "check_start_url": page.facts.start_url if outcome and outcome.kind == APPLY_ONLINE else "",
        "check_desk": bool(outcome and outcome.kind == DESK),
        "check_page_url": page.get_url(request),
    }
    response = page.render(request, context_overrides=context, template=TEMPLATE)
    response["Cache-Control"] = "private, no-store"
    return response
