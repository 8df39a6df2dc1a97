import type { Catalog } from '../catalog';

/**
 * French (fr): vouvoiement, as Microsoft writes Teams in French; short, plain sentences in the imperative ("Tapez
 * **liste**"). French typography: a no-break space (U+00A0) before : ; ? ! and inside « ». Glossary: docs/i18n/fr.md.
 */
export const fr: Catalog = {
  // Cards
  'list.title.own': 'Vos centres d’intérêt',
  'list.title.owner': '{owner} : centres d’intérêt',
  'list.title.anonymous': 'Centres d’intérêt',
  'list.empty.own': 'Vous n’avez encore ajouté aucun centre d’intérêt à votre profil.',
  'list.summary.page': 'Affichage de {first, number} à {last, number} sur {total, number}',
  'list.summary.count': '{count, plural, one {# centre d’intérêt} other {# centres d’intérêt}}',
  'list.suggestions': '{count, plural, one {# suggestion attend votre confirmation.} other {# suggestions attendent votre confirmation.}}',
  'list.row.open': 'Ouvrir {name}',
  'list.suggestedBadge': 'Suggéré',
  'list.addHint': 'Pour ajouter un centre d’intérêt, tapez **ajouter** suivi de son nom, par exemple **ajouter Échecs**.',
  'list.addHint.shared':
    'Pour ajouter un centre d’intérêt, mentionnez-moi et tapez **ajouter** suivi de son nom, par exemple **@{botName} ajouter Échecs**.',
  'shared.viewNote': 'Seuls les centres d’intérêt visibles par toute votre organisation sont affichés ici.',
  'shared.noInterests': 'Aucun centre d’intérêt n’est encore partagé avec toute l’organisation.',
  'shared.showMyView': 'Afficher ma vue',
  'card.previous': 'Précédent',
  'card.next': 'Suivant',
  'card.openPersonalChat': 'Ouvrir en conversation personnelle',
  'card.backToList': 'Retour à la liste',
  'card.cancel': 'Annuler',
  'card.delete': 'Supprimer',
  'card.none': 'Non renseigné',
  'card.untitled': 'Centre d’intérêt sans nom',
  'card.categoriesMore': '{categories} (+{count, number} de plus)',
  'card.tagsLine': 'Balises : {tags}',
  'card.action.numbered': '{action} (nº {position, number})',
  'interestCard.suggestion': 'Suggéré pour vous',
  'interestCard.suggestion.confidence': 'Suggéré pour vous — confiance : {confidence, number, percent}',
  'interestCard.fact.categories': 'Catégories',
  'interestCard.fact.audience': 'Visible par',
  'interestCard.fact.link': 'Lien',
  'interestCard.fact.lastChanged': 'Dernière modification',
  'interestCard.fact.added': 'Ajouté le',
  'interestCard.fact.origin': 'Origine',
  'interestCard.unknownDate': 'date inconnue',
  'interestCard.confirm': 'Confirmer',
  'interestCard.remove': 'Retirer',
  'interestCard.openLink': 'Ouvrir le lien',
  'interestCard.edit': 'Modifier',
  'interestCard.tag': 'Balises',
  'interestCard.tags': 'Balises',
  'editCard.title': 'Modifier {name}',
  'editCard.fixFields': 'Corrigez les champs signalés ci-dessous.',
  'editCard.name': 'Nom',
  'editCard.name.error': 'Entrez un nom de {max, number} caractères maximum.',
  'editCard.description': 'Description (facultative)',
  'editCard.description.error': 'La description ne peut pas dépasser {max, number} caractères.',
  'editCard.categories': 'Catégories (séparées par des virgules)',
  'editCard.categories.placeholder': 'Par exemple : Sport, Plein air',
  'editCard.categories.error': 'Entrez {max, number} catégories au maximum, séparées par des virgules.',
  'editCard.tags': 'Balises',
  'editCard.audience': 'Qui peut le voir',
  'editCard.audience.error': 'Choisissez qui peut voir ce centre d’intérêt.',
  'editCard.link': 'Lien',
  'editCard.link.error': 'Entrez un lien qui commence par http:// ou https://.',
  'editCard.save': 'Enregistrer',
  'deleteConfirmCard.question': 'Supprimer {name} de votre profil ?',
  'deleteConfirmCard.undoHint': 'Vous pourrez annuler juste après.',
  'deletedCard.message': '{name} a été supprimé.',
  'deletedCard.undo': 'Annuler',
  'privateInterestCard.title': 'Un centre d’intérêt privé',
  'privateInterestCard.explanation':
    'Ce centre d’intérêt est visible par : {audience}. Pour qu’il reste privé, il n’est pas affiché dans cette conversation.',
  'privateInterestCard.openPersonalChat': 'Ouvrez-le dans une conversation personnelle avec moi pour le voir ou le modifier.',
  'privateInterestCard.sayList': 'Pour le voir ou le modifier, tapez « liste » dans une conversation personnelle avec moi.',

  // Help, notice, choice, tag-picker, add-summary and personal-chat-hint cards
  'helpCard.heading': 'Ce que je peux faire',
  'helpCard.welcome': 'Bienvenue !',
  'helpCard.welcome.named': 'Bienvenue, {name} !',
  'helpCard.intro': 'Je tiens à jour les centres d’intérêt de votre profil Microsoft 365. Vous pouvez taper :',
  'helpCard.command.list': '**{list}** ou **{myInterests}** : voir vos centres d’intérêt',
  'helpCard.command.add': '**{add}** _nom_ : ajouter un centre d’intérêt',
  'helpCard.command.addSeveral': '**{add} Échecs; Go; Randonnée** : en ajouter plusieurs à la fois',
  'helpCard.command.tag': '**{tag}** _nom_ : indiquer comment vos collègues peuvent vous contacter à ce sujet',
  'helpCard.command.edit': '**{edit}** _nom_ : modifier un centre d’intérêt',
  'helpCard.command.delete': '**{delete}** _nom_ : supprimer un centre d’intérêt',
  'helpCard.command.whoCanHelp': '**{whoCanHelp}** _sujet_ : trouver des collègues qui s’y connaissent',
  'helpCard.command.cancel': '**{cancel}** : arrêter l’action en cours',
  'helpCard.command.signOut': '**{signOut}** : se déconnecter',
  'helpCard.command.help': '**{help}** : afficher de nouveau cette aide',
  'helpCard.mentionHint':
    'Dans cette conversation, je ne vois que les messages qui me @mentionnent : tapez @ et choisissez **{botName}**, puis la commande, par exemple **@{botName} {list}**. Ici, je n’affiche que les centres d’intérêt que tous les participants peuvent voir.',
  'helpCard.defaultBotName': 'Centres d’intérêt',
  'helpCard.showMyInterests': 'Afficher mes centres d’intérêt',
  'noticeCard.defaultTitle': 'Information',
  'tagCard.title': 'Balises : {name}',
  'tagCard.intro': 'Les balises indiquent à vos collègues comment vous contacter au sujet de ce centre d’intérêt.',
  'tagCard.label': 'Balises',
  'tagCard.save': 'Enregistrer',
  'tagCard.cancel': 'Annuler',
  'addSummary.heading': 'Ajouter ce centre d’intérêt à votre profil ?',
  'addSummary.categories': 'Catégories',
  'addSummary.tags': 'Balises',
  'addSummary.audience': 'Visible par',
  'addSummary.link': 'Lien',
  'addSummary.create': 'Créer',
  'addSummary.cancel': 'Annuler',
  'personalChatHint.nameNotAddedHere': 'Ce nom ne peut pas être ajouté dans cette conversation. Ajoutez-le dans une conversation personnelle avec moi.',
  'personalChatHint.namesNotAddedHere':
    'Certains noms ne peuvent pas être ajoutés dans cette conversation. Ajoutez-les dans une conversation personnelle avec moi.',
  'personalChatHint.namesNotListedHere':
    'Certains noms n’ont pas été ajoutés dans cette conversation. Vérifiez-les dans une conversation personnelle avec moi.',

  // Failures
  'failure.graphBusy': 'Microsoft 365 est occupé pour le moment. Réessayez dans une minute.',
  'failure.graphUnauthorized': 'Votre connexion a expiré. Tapez « déconnexion », puis réessayez.',
  'failure.graphForbidden':
    'Je ne suis pas encore autorisé à modifier votre profil : l’application a besoin d’un consentement pour le lire et le modifier. Demandez à votre administrateur de l’accorder, puis réessayez.',
  'failure.graphNotFound': 'Ce centre d’intérêt n’existe plus. Tapez « liste » pour voir vos centres d’intérêt.',
  'failure.graphInvalidRequest': 'Microsoft 365 n’a pas accepté cette modification. Vérifiez le nom, la description et le lien, puis réessayez.',
  'failure.signInRequired': 'Connectez-vous pour que je puisse lire ou modifier votre profil.',
  'failure.consentRequired': 'J’ai besoin de votre consentement pour lire et modifier les centres d’intérêt de votre profil.',
  'failure.profileNotGranted':
    'Je ne suis pas encore autorisé à lire ou modifier votre profil : votre administrateur doit d’abord accorder une autorisation à l’application.',
  'failure.profileTokenFailed': 'Je n’ai pas pu obtenir l’autorisation de lire votre profil pour le moment. Réessayez dans une minute.',
  'failure.colleaguesNotGranted':
    'Je ne suis pas encore autorisé à consulter les centres d’intérêt de vos collègues : votre administrateur doit d’abord accorder une autorisation à l’application.',
  'failure.colleaguesTokenFailed':
    'Je n’ai pas pu obtenir l’autorisation de consulter les centres d’intérêt de vos collègues pour le moment. Réessayez dans une minute.',
  'failure.storageWriteConflict': 'Cette conversation a été modifiée ailleurs au même moment, je n’ai donc pas pu terminer. Renvoyez votre message.',
  'failure.internal': 'Désolé, un problème est survenu de mon côté. Réessayez.',

  // A card action that misses its time budget
  'deadline.saving.title': 'Enregistrement…',
  'deadline.saving.text': 'Microsoft 365 met du temps à répondre. Je publierai le résultat ici dès que ce sera terminé.',
  'deadline.loading.title': 'Chargement…',
  'deadline.loading.text': 'Microsoft 365 met du temps à répondre. Je l’afficherai ici dès que possible.',

  // Limits on what goes in and out
  'limits.messageTooLong': 'Ce message est trop long pour moi : je lis {max, number} caractères au maximum. Envoyez un message plus court.',
  'limits.answerTooLong': 'Cette réponse est trop longue pour être affichée dans Teams, je l’ai donc omise. Essayez d’en demander moins à la fois.',

  // Questions asked with a choice card
  'question.answered': 'Réponse envoyée',
  'question.closed.title': 'Cette question est fermée',
  'question.closed.text':
    'Elle a déjà reçu une réponse, a été annulée ou a été reposée plus bas. Rien n’a été modifié. Répondez à la dernière question, ou tapez « aide ».',

  // Commands about the conversation itself
  'session.cancelled': 'Annulé. Rien n’a été modifié.',
  'session.nothingToCancel': 'Rien à annuler.',
  'session.notUnderstood': 'Désolé, je n’ai pas compris. Voici ce que je peux faire :',
  'session.signedOut': 'Vous êtes déconnecté. Je vous demanderai de vous reconnecter la prochaine fois que j’aurai besoin de votre profil.',
  'session.localSignOut': 'Le mode local n’a pas de connexion : la déconnexion est donc sans objet.',

  // The card-action boundary
  'cardAction.malformed': 'Impossible de traiter l’action de cette carte. Utilisez la carte la plus récente, ou tapez « aide ».',
  'cardAction.notYours.title': 'Cette carte n’est pas la vôtre',
  'cardAction.notYours.text':
    'Elle affiche les centres d’intérêt de quelqu’un d’autre : seule cette personne peut l’utiliser. Rien n’a été modifié. Tapez « liste » pour voir les vôtres.',
  'cardAction.ownerViewOnly': 'Cette carte montre ce que tout le monde ici peut voir ; seul son propriétaire obtient la vue complète.',
  'cardAction.staleCard': 'Ce centre d’intérêt n’existe plus. Voici vos centres d’intérêt tels qu’ils sont maintenant.',

  // Teams SSO in the conversation
  'signIn.card.text': 'Connectez-vous pour consulter et mettre à jour les centres d’intérêt de votre profil.',
  'signIn.button': 'Se connecter',
  'signIn.toContinue': 'Connectez-vous pour continuer',
  'signIn.consentNeeded': 'Connectez-vous pour continuer.',
  'signIn.done': 'Vous êtes connecté. Tapez « liste » pour voir vos centres d’intérêt.',
  'signIn.failure.resourceMatchFailed':
    'La connexion ne peut pas encore fonctionner : l’URI d’ID d’application de l’application ne correspond pas à la ressource de son manifeste Teams (webApplicationInfo.resource). Prévenez votre administrateur Teams.',
  'signIn.failure.installedAppNotFound':
    'La connexion ne peut pas fonctionner, car l’application n’est pas installée pour vous dans Teams. Réinstallez-la ou contactez votre administrateur.',
  'signIn.failure.tokenMissing':
    'Teams n’a pas pu obtenir de jeton de connexion pour cette application. Vérifiez que l’inscription d’application expose l’étendue access_as_user et préautorise les clients Teams, puis réessayez.',
  'signIn.failure.oauthCardNotValid': 'Teams n’a pas pu lire la carte de connexion. Réessayez ; si le problème persiste, prévenez votre administrateur Teams.',
  'signIn.failure.resourceNotFound':
    'La connexion ne peut pas encore fonctionner : le manifeste Teams de l’application ne contient pas de webApplicationInfo. Prévenez votre administrateur Teams.',
  'signIn.failure.other':
    'La connexion n’a pas abouti dans Teams. Réessayez, ou utilisez le bouton Se connecter pour vous connecter dans une fenêtre de navigateur.',

  // The fallback sign-in pages a browser window shows
  'signInPage.start.title': 'Se connecter',
  'signInPage.end.title': 'Connecté',
  'signInPage.signingIn': 'Connexion en cours…',
  'signInPage.startFailed': 'La connexion n’a pas pu démarrer. Fermez cette fenêtre et réessayez.',
  'signInPage.done': 'Vous êtes connecté. Vous pouvez fermer cette fenêtre.',
  'signInPage.notCompleted': 'La connexion n’a pas abouti. Fermez cette fenêtre et réessayez.',

  // Domain rules: tag and audience names, provenance
  'collaborationTag.askMeAbout': 'Posez-moi des questions',
  'collaborationTag.ableToMentor': 'Peut être mentor',
  'collaborationTag.wantsToLearn': 'Souhaite apprendre',
  'collaborationTag.wantsToImprove': 'Souhaite progresser',
  'audience.me': 'Moi uniquement',
  'audience.family': 'Famille',
  'audience.contacts': 'Mes contacts',
  'audience.groupMembers': 'Membres du groupe',
  'audience.organization': 'Mon organisation',
  'audience.federatedOrganizations': 'Organisations fédérées',
  'audience.everyone': 'Tout le monde',
  'audience.unknownFutureValue': 'Inconnu',
  'audience.notSet': 'Non défini',
  'provenance.addedByYou': 'Ajouté par vous',
  'provenance.suggested': 'Suggéré par Microsoft 365, pas encore confirmé',
  'provenance.suggestedConfirmed': 'Suggéré par Microsoft 365, confirmé par vous',
  'provenance.syncedFrom': 'Synchronisé depuis {source}',
  'provenance.syncedFromSharePoint': 'Synchronisé depuis votre profil SharePoint',

  // Validation of a value typed for an interest
  'validation.name.empty': 'Le nom ne peut pas être vide.',
  'validation.name.invisible': 'Le nom doit contenir au moins un caractère visible (une lettre, un chiffre ou un symbole).',
  'validation.notText':
    '{field, select, name {Le nom doit être du texte.} description {La description doit être du texte.} categories {Les catégories doivent être du texte.} tags {Les balises doivent être du texte.} audience {Le public doit être du texte.} other {Le lien doit être du texte.}}',
  'validation.unsafeCharacters':
    '{field, select, name {Le nom contient des caractères qui ne peuvent pas être enregistrés.} description {La description contient des caractères qui ne peuvent pas être enregistrés.} category {Une catégorie contient des caractères qui ne peuvent pas être enregistrés.} other {Le lien contient des caractères qui ne peuvent pas être enregistrés.}}',
  'validation.tooLong':
    '{field, select, name {Le nom ne peut pas dépasser {max, number} caractères.} description {La description ne peut pas dépasser {max, number} caractères.} category {Chaque catégorie est limitée à {max, number} caractères.} other {Le lien ne peut pas dépasser {max, number} caractères.}}',
  'validation.categories.tooMany': 'Vous pouvez ajouter {max, number} catégories au maximum.',
  'validation.tags.unknown': 'Balise inconnue. Choisissez parmi : {choices}.',
  'validation.audience.unknown': 'Choisissez qui peut le voir : {choices}.',
  'validation.link.spaces': 'Le lien ne peut pas contenir d’espaces.',
  'validation.link.scheme': 'Le lien doit commencer par http:// ou https://.',
  'validation.link.invalid': 'Ce lien ne semble pas valide.',
  'validation.link.credentials': 'Le lien ne peut contenir ni nom d’utilisateur ni mot de passe.',

  // Replies shared by several actions
  'interest.cancelled': 'Annulé',
  'interest.nothingChanged': 'Rien n’a été modifié.',
  'interest.saved': 'Enregistré.',
  'interest.confirmed': 'Confirmé : ce centre d’intérêt figure sur votre profil.',
  'interest.notSaved': 'Non enregistré : {problems} Corrigez la carte, puis sélectionnez de nouveau Enregistrer.',
  'choice.hint': 'Choisissez-en un, ou tapez son numéro ou son nom.',
  'choice.required': 'Choisissez une des options.',

  // edit <name> and delete <name>
  'command.notFound': 'Je n’ai pas trouvé « {name} » parmi vos centres d’intérêt. Choisissez-en un ci-dessous.',
  'command.whichInterest': 'Quel centre d’intérêt ? Tapez « {command} » suivi de son nom, ou choisissez-en un ci-dessous.',

  // Delete and Undo
  'delete.underWay': 'Cette suppression est déjà en cours. Tapez « liste » dans un instant pour voir vos centres d’intérêt.',
  'delete.expired.title': 'Cette suppression a expiré',
  'delete.olderCard.title': 'Cette carte provient d’une version antérieure',
  'delete.openAgain': 'Rien n’a été supprimé. Rouvrez le centre d’intérêt (tapez « liste ») et supprimez-le depuis sa carte.',
  'delete.alreadyGone.title': '{name} n’existait déjà plus',
  'delete.alreadyGone.titleUnnamed': 'Ce centre d’intérêt n’existait déjà plus',
  'delete.alreadyGone.text': 'Il ne figurait plus sur votre profil : rien n’a donc été supprimé. Tapez « liste » pour voir vos centres d’intérêt.',
  'undo.underWay': 'Cette annulation est déjà en cours. Tapez « liste » dans un instant pour voir vos centres d’intérêt.',
  'undo.unavailable.title': 'Cette annulation n’est plus possible',
  'undo.unavailable.text':
    'Elle a expiré (l’annulation est possible pendant 24 heures), ou elle n’est pas valide ici. Rien n’a été modifié. Tapez « liste » pour voir vos centres d’intérêt.',
  'undo.olderCard.text':
    'Ce bouton Annuler provient d’une version antérieure du bot et ne peut rien restaurer. Rien n’a été modifié. Tapez « ajouter » pour ajouter de nouveau le centre d’intérêt.',
  'undo.restored': 'Restauré en tant que nouvel élément, avec un nouvel ID et une nouvelle date.',
  'undo.restored.synced': '{source} auparavant ; cette copie est désormais la vôtre et n’est plus mise à jour depuis cette source.',
  'undo.restored.syncedElsewhere':
    'Il était auparavant synchronisé depuis un autre système ; cette copie est désormais la vôtre et n’est plus mise à jour depuis ce système.',
  'undo.restored.suggestion': 'C’est de nouveau une suggestion, que vous pouvez confirmer ou retirer.',
  'undo.restored.audienceReplaced':
    'Sa visibilité n’a pas pu être restaurée telle quelle : vous seul pouvez le voir désormais. Utilisez Modifier pour choisir qui peut le voir.',

  // The owner's own view of a card posted in a group chat or channel
  'ownerView.loading.title': 'Chargement…',
  'ownerView.loading.text': 'Microsoft 365 met du temps à répondre. Sélectionnez Afficher ma vue pour réessayer dans un instant.',

  // A chat opened again after the bot has welcomed it
  'welcome.again': 'Rebonjour ! Tapez **aide** pour voir ce que je peux faire, ou **liste** pour voir vos centres d’intérêt.',

  // The add dialog
  'addDialog.askName': 'Quel est le nom du centre d’intérêt ? Par exemple : Échecs.',
  'addDialog.askDescription': 'Ajoutez une courte description, ou tapez « passer ».',
  'addDialog.askCategories': 'Des catégories ? Séparez-les par des virgules (par exemple Jeux, Stratégie), ou tapez « passer ».',
  'addDialog.askTags': 'Quelles balises de collaboration conviennent ?',
  'addDialog.askAudience': 'Qui peut le voir ? Tapez « passer » pour choisir {audience}.',
  'addDialog.askLink': 'Ajoutez un lien (qui commence par http:// ou https://), ou tapez « passer ».',
  'addDialog.next': 'Suivant',
  'addDialog.audience.label': 'Qui peut le voir',
  'addDialog.audience.answered': 'Qui peut le voir : {audience}',
  'addDialog.duplicate.question': 'Vous avez déjà un centre d’intérêt nommé « {name} ». Voulez-vous plutôt lui ajouter des balises ou le modifier ?',
  'addDialog.duplicate.label': 'Que faire',
  'addDialog.duplicate.submit': 'Choisir',
  'addDialog.duplicate.tag': 'Ajouter des balises',
  'addDialog.duplicate.edit': 'Le modifier',
  'addDialog.duplicate.rename': 'Choisir un autre nom',
  'addDialog.duplicate.reason': 'Choisissez une option : {tag}, {edit} ou {rename}.',
  'addDialog.confirm.askAgain': 'Tapez « oui » pour le créer, ou « non » pour y renoncer.',
  'addDialog.confirm.busy': 'Microsoft 365 est occupé pour le moment. Tapez « oui » pour réessayer, ou « annuler ».',
  'addDialog.notAdded.title': 'Non ajouté',
  'addDialog.notAdded': 'D’accord, je ne l’ai pas ajouté. Rien n’a été modifié.',
  'addDialog.added': 'Ajouté à votre profil.',
  'addDialog.alreadyAdding': 'Ce centre d’intérêt est déjà en cours d’ajout. Tapez « liste » pour voir vos centres d’intérêt.',
  'addDialog.finished.title': 'Cet ajout est terminé',
  'addDialog.finished.text':
    'Le centre d’intérêt a déjà été ajouté, ou son ajout a été annulé. Tapez « liste » pour voir vos centres d’intérêt ou « ajouter » pour en ajouter un autre.',
  'addDialog.repliedInChat': 'Consultez ma réponse dans la conversation.',

  // The tag question (add dialog and tag dialog)
  'tagQuestion.hint': 'Cochez celles qui conviennent, ou tapez leurs numéros (par exemple 1,3) ou leurs noms, ou « aucune ».',
  'tagQuestion.label': 'Balises de collaboration',
  'tagQuestion.noSuchNumber': 'Il n’y a pas de balise numéro {number} : choisissez un numéro entre {first, number} et {last, number}.',
  'tagQuestion.answered': 'Balises : {tags}',
  'tagQuestion.answered.none': 'Aucune balise',

  // The tag dialog
  'tagDialog.pickQuestion': 'À quel centre d’intérêt voulez-vous ajouter des balises ?',
  'tagDialog.noInterests': 'Vous n’avez encore aucun centre d’intérêt. Tapez « ajouter » pour en créer un.',
  'tagDialog.privateInPersonalChat': 'Pour ajouter des balises à un centre d’intérêt privé, tapez « baliser » dans une conversation personnelle avec moi.',
  'tagDialog.notFound': 'Je n’ai pas trouvé « {name} » parmi vos centres d’intérêt.',
  'tagDialog.ask.tagged': '« {name} » a les balises : {tags}. Lesquelles doit-il avoir ?',
  'tagDialog.ask.untagged': '« {name} » n’a pas encore de balise. Lesquelles doit-il avoir ?',
  'tagDialog.save': 'Enregistrer les balises',
  'tagDialog.saved': 'Balises enregistrées.',
  'tagDialog.unchanged': 'Les balises étaient déjà celles-ci : rien n’a donc changé.',
  'tagDialog.busy':
    'Microsoft 365 est occupé pour le moment : les balises n’ont donc pas été enregistrées. Renvoyez-les pour réessayer, ou tapez « annuler ».',

  // Picking one interest from a paged list
  'pick.question.paged': '{question} (page {page, number} sur {pages, number})',
  'pick.hint.paged': 'Choisissez-en un, ou tapez son numéro ou son nom. {next} et {previous} changent de page.',
  'pick.label': 'Centre d’intérêt',
  'pick.submit': 'Sélectionner',
  'pick.noName': '(sans nom)',
  'pick.reason': 'Choisissez l’un des centres d’intérêt de la liste : sélectionnez-le sur la carte, ou tapez son numéro ou son nom.',

  // Adding several interests at once
  'bulkAdd.card.heading': 'Ajouter ces centres d’intérêt à votre profil ?',
  'bulkAdd.card.heading.part': 'Ajouter ces centres d’intérêt à votre profil ? (partie {part, number} sur {parts, number})',
  'bulkAdd.card.summary': '{count, number} à ajouter. Décochez ceux que vous ne voulez pas.',
  'bulkAdd.card.summary.parts': '{count, number} à ajouter. Décochez ceux que vous ne voulez pas ; chaque partie se crée avec son propre bouton Créer.',
  'bulkAdd.card.noneToAdd': 'Aucun de ces centres d’intérêt ne peut être ajouté.',
  'bulkAdd.card.leftOut': 'Non retenus',
  'bulkAdd.card.leftOut.exists': '« {name} » : déjà sur votre profil',
  'bulkAdd.card.leftOut.repeated': '« {name} » : en double, ajouté une seule fois',
  'bulkAdd.card.leftOut.invalid': '« {name} » : {reason}',
  'bulkAdd.card.tags.label': 'Balises pour tous (facultatif)',
  'bulkAdd.card.tags.placeholder': 'Choisir des balises',
  'bulkAdd.card.audience.label': 'Qui peut les voir',
  'bulkAdd.card.audience.error': 'Choisissez qui peut les voir.',
  'bulkAdd.card.create': 'Créer',

  'bulkAdd.split.heading': '1 centre d’intérêt ou {count, number} ?',
  'bulkAdd.split.question': 'Ajouter « {whole} » comme 1 centre d’intérêt, ou comme {count, number} : {parts} ?',
  'bulkAdd.split.part': '« {name} »',
  'bulkAdd.split.tip':
    'Astuce : mettez un nom entre guillemets droits ("…") pour le garder entier, ou placez chaque nom sur sa propre ligne ou après un point-virgule.',
  'bulkAdd.split.one': '1 centre d’intérêt',
  'bulkAdd.split.several': '{count, plural, one {# centre d’intérêt} other {# centres d’intérêt}}',
  'bulkAdd.addingOne.title': 'Ajout en tant que centre d’intérêt unique',
  'bulkAdd.addingOne.text': 'Répondez aux questions ci-dessous.',

  'bulkAdd.tooMany':
    'Cela fait {count, number} noms ; je peux en ajouter {max, number} au maximum à la fois. Rien n’a été ajouté. Envoyez-les par plus petits groupes.',
  'bulkAdd.nothingPicked': 'Rien n’est coché : rien n’a donc été ajouté. Cochez les centres d’intérêt à ajouter, puis sélectionnez Créer.',
  'bulkAdd.stillAdding': 'Ces centres d’intérêt sont encore en cours d’ajout. Patientez un instant, puis tapez « liste » pour les voir.',

  'bulkAdd.result.nothingNew': 'Rien de nouveau à ajouter.',
  'bulkAdd.result.allAdded': '{count, plural, one {# centre d’intérêt ajouté} other {# centres d’intérêt ajoutés}} à votre profil.',
  'bulkAdd.result.noneAdded': 'Impossible d’ajouter {count, plural, one {# centre d’intérêt} other {# centres d’intérêt}}.',
  'bulkAdd.result.someAdded': '{added, number} sur {count, plural, one {# centre d’intérêt ajouté} other {# centres d’intérêt ajoutés}}.',
  'bulkAdd.result.row': '« {name} » : {outcome}',
  'bulkAdd.result.created': 'ajouté',
  'bulkAdd.result.found': 'ajouté (trouvé sur votre profil)',
  'bulkAdd.result.exists': 'déjà sur votre profil',
  'bulkAdd.result.busy': 'pas encore ajouté : Microsoft 365 est occupé',
  'bulkAdd.result.unknown': 'pas de réponse de Microsoft 365 : il a peut-être été ajouté',
  'bulkAdd.result.refused.invalidRequest': 'non ajouté : Microsoft 365 ne l’a pas accepté',
  'bulkAdd.result.refused.forbidden': 'non ajouté : vous n’êtes pas autorisé à modifier votre profil',
  'bulkAdd.result.refused.unauthorized': 'non ajouté : votre connexion a expiré',
  'bulkAdd.result.refused.notFound': 'non ajouté : votre profil est introuvable',
  'bulkAdd.result.refused.throttled': 'pas encore ajouté : Microsoft 365 est occupé',
  'bulkAdd.result.refused.unavailable': 'non ajouté : Microsoft 365 a rencontré un problème',
  'bulkAdd.result.unknownNotice':
    'Microsoft 365 n’a pas répondu pour certains d’entre eux : ils ont donc peut-être été ajoutés. Une nouvelle tentative vérifie d’abord votre profil et n’ajoute que ce qui manque.',
  'bulkAdd.result.checkAndRetry': 'Vérifier et réessayer',
  'bulkAdd.result.retry': '{count, plural, one {Réessayer} other {Réessayer les #}}',
  'bulkAdd.result.openTitle': 'Ouvrir {name}',
  'bulkAdd.result.showList': 'Afficher mes centres d’intérêt',

  // Who can help
  'helpers.card.heading': 'Qui peut aider sur {topic}',
  'helpers.card.role.mentor': 'Peut être mentor',
  'helpers.card.role.askAbout': 'Posez-leur vos questions',
  'helpers.card.role.studyPartner': 'Veut aussi apprendre ou progresser (partenaire d’apprentissage)',
  'helpers.card.more': '{count, plural, one {et # autre personne} other {et # autres personnes}}',
  'helpers.card.someone': 'Quelqu’un',
  'helpers.card.chatWith': 'Conversation avec {name}',

  'helpers.searched.members':
    '{count, plural, one {J’ai consulté # autre membre de cette conversation.} other {J’ai consulté les # autres membres de cette conversation.}}',
  'helpers.searched.people':
    '{count, plural, one {J’ai consulté # personne parmi celles avec qui vous travaillez le plus.} other {J’ai consulté les # personnes avec qui vous travaillez le plus.}}',
  'helpers.note.moreMembers': 'Cette conversation compte plus de {limit, number} autres membres ; j’ai consulté les {limit, number} premiers.',
  'helpers.note.unreadable':
    '{count, plural, one {Les centres d’intérêt de # personne n’ont pas pu être lus pour l’instant.} other {Les centres d’intérêt de # personnes n’ont pas pu être lus pour l’instant.}}',
  'helpers.note.sharedRule':
    'Dans cette conversation, je n’affiche que les centres d’intérêt que leurs propriétaires partagent avec toute l’organisation ; demandez-moi dans une conversation personnelle pour voir tout ce qui vous est accessible.',

  'helpers.noTopic': 'Qui peut aider sur quoi ? Tapez « qui peut aider sur » suivi d’un sujet, par exemple « qui peut aider sur Kubernetes ».',
  'helpers.notAvailable': 'Je ne peux pas consulter les centres d’intérêt de vos collègues ici.',
  'helpers.noMatch.members': 'Personne dans cette conversation ne mentionne encore « {topic} ».',
  'helpers.noMatch.people': 'Parmi les personnes avec qui vous travaillez le plus, personne ne mentionne encore « {topic} ».',
  'helpers.noMatch.suggestion': 'Essayez plutôt « {suggestion} » : quelqu’un le mentionne.',
  'helpers.noMatch.howToAppear':
    'Les personnes apparaissent ici dès qu’elles ajoutent ce sujet à leurs centres d’intérêt avec une balise comme « Peut être mentor » ou « Posez-moi des questions ».',

  // Words people type: alternatives separated by |, the first one shown (help card, command list). English works too.
  'words.command.help': 'aide|aidez-moi|aide-moi',
  'words.command.cancel': 'annuler|annule|abandonner|laisser tomber',
  'words.command.signOut': 'déconnexion|se déconnecter|déconnecter|me déconnecter|deconnexion|se deconnecter',
  'words.command.list': 'liste|mes centres d’intérêt|mes centres d\'intérêt|mes intérêts|lister|afficher la liste',
  'words.command.add': 'ajouter|ajoute|ajout',
  'words.command.tag': 'baliser|balise|balises|étiqueter|etiqueter',
  'words.command.edit': 'modifier|modifie|éditer|editer',
  'words.command.delete': 'supprimer|supprime|effacer|retirer|enlever',
  'words.command.whoCanHelp':
    'qui peut aider sur|qui peut m’aider sur|qui peut m\'aider sur|qui peut aider pour|qui peut m’aider pour|qui peut m\'aider pour|qui peut m’aider avec|qui peut m\'aider avec|qui s’y connaît en|qui s\'y connaît en|qui s\'y connait en|qui connaît|qui connait|trouver un mentor pour|un mentor pour',
  'words.answer.yes': 'oui|o|ouais|d’accord|d\'accord|bien sûr|vas-y|créer|crée-le|confirmer|ajouter|ajoute-le|enregistrer|valider',
  'words.answer.no': 'non|nan|annuler|arrêter|pas maintenant|ne pas créer|laisse tomber',
  'words.answer.skip': 'passer|aucun|aucune|rien|non|sans',

  // The app package
  'manifest.name.short': 'Centres d’intérêt du profil',
  'manifest.name.full': 'Centres d’intérêt du profil : tenez à jour les centres d’intérêt de votre profil Microsoft 365',
  'manifest.description.short': 'Tenez à jour les centres d’intérêt de votre profil Microsoft 365 en conversant.',
  'manifest.description.full':
    'L’application Centres d’intérêt du profil permet à chacun de lister, ajouter, modifier, baliser et supprimer les centres d’intérêt de son propre profil Microsoft 365 en conversant avec un bot, dans une conversation personnelle, une conversation de groupe ou un canal d’équipe, et de demander qui peut aider sur un sujet. Ce qu’elle fait des données de profil : une fois l’utilisateur connecté avec l’authentification unique de Teams, elle lit et écrit uniquement les centres d’intérêt du profil de l’utilisateur connecté (éléments personInterest) via Microsoft Graph, avec l’autorisation déléguée User.ReadWrite. C’est seulement quand quelqu’un demande qui peut aider sur un sujet qu’elle lit aussi, avec les autorisations déléguées User.Read.All et People.Read, les centres d’intérêt des personnes de cette conversation ou des personnes avec qui cet utilisateur travaille le plus, dans la limite de ce que Microsoft 365 lui permet de voir. Elle ne modifie jamais le profil de quelqu’un d’autre et n’utilise aucune autorisation d’application. L’application ne stocke rien d’autre que l’état des conversations (par exemple, l’étape d’une conversation où se trouve un utilisateur) ; ce qu’une question « qui peut aider » a lu est conservé en mémoire pendant quelques minutes, uniquement pour la personne qui l’a posée. Les centres d’intérêt restent dans Microsoft 365, et les jetons de connexion ne sont jamais écrits dans le stockage, les journaux ou les cartes.',
  'manifest.command.help.description': 'Afficher ce que je peux faire et comment me le demander.',
  'manifest.command.list.description': 'Afficher les centres d’intérêt de votre profil, avec des boutons pour modifier, baliser ou supprimer chacun d’eux.',
  'manifest.command.add.description':
    'Ajouter un centre d’intérêt à votre profil, ou plusieurs à la fois, un par ligne ou séparés par des points-virgules, par exemple : ajouter Kubernetes',
  'manifest.command.tag.description':
    'Marquer un centre d’intérêt comme Posez-moi des questions, Peut être mentor, Souhaite apprendre ou Souhaite progresser, par exemple : baliser Kubernetes',
  'manifest.command.whoCanHelp.description':
    'Trouver les personnes qui peuvent vous encadrer sur un sujet ou répondre à vos questions à ce propos, par exemple : qui peut aider sur Kubernetes',
  'manifest.command.signOut.description': 'Se déconnecter du bot ; votre profil n’est pas modifié.',
};
