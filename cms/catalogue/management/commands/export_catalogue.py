from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.catalogue.cpsv import municipality_graph, region_graph, to_jsonld
from cms.municipalities.models import Municipality


class Command(BaseCommand):
    help = (
        "Export the service catalogue as CPSV-AP 3.2 JSON-LD: the region's services as IPDC "
        "concepts, or with --municipality one municipality's local services as IPDC instances."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--municipality", metavar="SLUG", help="Export this municipality's local services."
        )
        parser.add_argument(
            "--output", metavar="FILE", help="Write to FILE instead of standard output."
        )

    def handle(self, *args, municipality=None, output=None, **options):
        if municipality:
            found = Municipality.objects.select_related("site__root_page").filter(slug=municipality)
            if not found:
                known = ", ".join(
                    Municipality.objects.order_by("slug").values_list("slug", flat=True)
                )
                raise CommandError(
                    f"No municipality with slug {municipality!r}. Known: {known or 'none'}."
                )
            graph = municipality_graph(found[0])
        else:
            graph = region_graph()
        text = to_jsonld(graph)
        if output:
            Path(output).write_text(text, encoding="utf-8")
            self.stderr.write(f"wrote {len(set(graph.subjects()))} nodes to {output}")
        else:
            self.stdout.write(text, ending="")
