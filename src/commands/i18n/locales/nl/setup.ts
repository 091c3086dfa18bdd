// Nederlands: het instelformulier (`/contacts setup`, de knop in App Home).
import type { setup as en } from "../en/setup.ts";
import type { Part } from "../part.ts";

export const setup: Part<typeof en> = {
  "setupModal.title": "{configured, select, yes {Instellingen tierkeeper} other {tierkeeper instellen}}",
  "setupModal.save": "Opslaan",
  "setupModal.cancel": "Annuleren",
  "setupModal.close": "Sluiten",
  "setupModal.introSettings":
    "Dit zijn de instellingen van tierkeeper. Je hebt vandaag <b>{count, plural, one {# marketingcontact} other {# marketingcontacten}}</b>. Opslaan wijzigt ze allemaal tegelijk.",
  "setupModal.introNew":
    "Vertel tierkeeper wat je hebt gekocht en waar het je kan bereiken. Je hebt vandaag <b>{count, plural, one {# marketingcontact} other {# marketingcontacten}}</b>. Je kunt dit later allemaal wijzigen in App Home of met {command}.",
  "setupModal.plan": "Abonnement",
  "setupModal.tier": "Contactpakket: de marketingcontacten waarvoor je betaalt",
  "setupModal.tierChoose": "Kies een pakket",
  "setupModal.tierOption": "{limit, number} contacten – {monthly}/maand",
  "setupModal.tierHint":
    "Pakketten waar je {count, plural, one {# marketingcontact} other {# marketingcontacten}} in passen, met hun maandprijs.",
  "setupModal.term": "Factuurperiode",
  "setupModal.termAnnual": "Jaarlijks",
  "setupModal.termAnnualHint": "Updatedatums op de 1e van elke maand",
  "setupModal.termMonthly": "Maandelijks",
  "setupModal.termMonthlyHint": "Updatedatums op de startdag van het contract, elke maand",
  "setupModal.start": "Start van het contract (aankoopdatum)",
  "setupModal.startHint":
    "Maandcontracten worden op deze dag van de maand verlengd; jaarcontracten elk jaar op deze datum.",
  "setupModal.timezone": "Tijdzone voor de facturering",
  "setupModal.timezoneHint": "Een IANA-naam zoals {example1} of {example2}: updatedatums vallen daar om 12:00 uur.",
  "setupModal.channelChoose": "Kies een kanaal",
  "setupModal.alertChannel": "Kanaal voor pakketmeldingen",
  "setupModal.alertChannelHint":
    "Meldingen bij {first}, {second} en {third} van het pakket, upgrades en herinneringen. Nodig voor een privékanaal eerst {bot} uit.",
  "setupModal.approvalsChannel": "Kanaal voor goedkeuringen",
  "setupModal.approvalsChannelHint":
    "Bulkwijzigingen en alles waardoor het pakket zou upgraden, wachten hier op een beheerder.",
  "setupModal.billing": "Factuurcontacten",
  "setupModal.billingChoose": "Kies personen",
  "setupModal.billingHint": "Zij krijgen elke pakketmelding via een direct bericht.",
  "setupModal.reminders": "Herinneringen voor elke updatedatum",
  "setupModal.remindersNone": "Geen",
  "setupModal.reminderDay": "{days, plural, one {# dag ervoor} other {# dagen ervoor}}",
  "setupModal.noteSettings": "Opslaan past alle velden samen toe, of niets als er één wordt geweigerd.",
  "setupModal.noteNew":
    "Opslaan past alle velden samen toe. Daarna plaatst tierkeeper een korte notitie in het goedkeuringskanaal over wat het gaat doen en wanneer.",
  "setupModal.noAccess":
    "Alleen beheerders kunnen tierkeeper instellen of de instellingen wijzigen. Vraag het een beheerder van deze workspace; {command} toont de instellingen aan iedereen.",
  "setupModal.missing.plan": "Kies een abonnement: starter, professional of enterprise.",
  "setupModal.missing.tier": "Kies een contactpakket.",
  "setupModal.missing.term": "Kies een factuurperiode: maandelijks of jaarlijks.",
  "setupModal.missing.start": "Geef de startdatum van het contract (aankoopdatum), bijv. 2026-03-15.",
  "setupModal.missing.timezone": "Geef de tijdzone voor de facturering, een IANA-naam zoals America/New_York.",
  "setupModal.missing.alertChannel": "Kies het kanaal voor pakketmeldingen.",
  "setupModal.missing.approvalsChannel": "Kies het kanaal waarin beheerders bulkwijzigingen goedkeuren.",
  "setupModal.missing.reminders": "Geef de herinneringsdagen, bijv. 3d,1d, of off.",
  "setupModal.missing.billingContacts": "Kies de factuurcontacten.",
  "setupModal.notUser": "‘{value}’ is geen Slack-gebruiker; geef gebruikers-id's zoals U0123ABCD of vermeldingen.",
  "setupModal.unreadable":
    "{field, select, start {Dat is geen datum die ik kan lezen; kies de start van het contract in de kalender.} other {Ik kon dat antwoord niet lezen; kies of typ het opnieuw.}}",
  "setupModal.tooManyBilling":
    "Dat zijn {count, number} factuurcontacten; instellen neemt er hoogstens {max, number} (elk krijgt elke melding via een direct bericht).",
  "setupModal.done.first": "tierkeeper is ingesteld.",
  "setupModal.done.saved": "Instellingen opgeslagen.",
  "setupModal.done.note": "Een notitie over wat tierkeeper gaat doen is onderweg naar {channel}.",
};
