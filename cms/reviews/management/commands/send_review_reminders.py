from smtplib import SMTPException

from django.core.management.base import BaseCommand, CommandError

from cms.reviews.reminders import collect, compose, send


class Command(BaseCommand):
    help = (
        "E-mail every page owner (a person, or each member of a team) once about their pages "
        "that need review. With --dry-run, print who would get what; nothing is sent or stored."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print the reminders instead of sending them; store nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        reminders = collect()
        failed = []
        for reminder in reminders:
            user = reminder.recipient
            who = f"{reminder.name} <{user.email}>"
            pages = f"{len(reminder.items)} page(s), {len(reminder.new)} new"
            if dry_run:
                subject, body = compose(reminder)
                self.stdout.write(f"Would send to {who}: {pages}\nSubject: {subject}\n{body}")
                continue
            try:
                send(reminder)
            except (SMTPException, OSError) as error:
                failed.append(who)
                self.stderr.write(f"Not sent to {who}: {error}")
                continue
            self.stdout.write(f"Sent to {who}: {pages}")
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(f"{len(reminders) - len(failed)} reminder(s) {verb}.")
        if failed:
            raise CommandError(f"{len(failed)} reminder(s) could not be sent.")
