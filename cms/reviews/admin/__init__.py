"""The review's admin: the "Te herbekijken" dashboard panel (panels), the "Pages to review"
report (report), a page's review, owner and date, and "mark as reviewed" (views, forms).
The hooks that wire them into Wagtail are in cms/reviews/wagtail_hooks.py."""
